// Builds the task pane and the ribbon commands into dist/, with the manifest and icons, and the
// offline page dist/jindu.html (one file, scripts inline; scripts/inline-page.js).
//   npm run build        production; ADDIN_URL=https://host/path/ sets the manifest's URLs
//   npm run dev-server   https://localhost:3000 with the Office dev certificate (or DEV_CERT/DEV_KEY)
//   --env only=page      the offline page alone (tests and the page bench); --env outDir=DIR elsewhere than dist/
"use strict";
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");
const { rewriteManifest } = require("./scripts/manifest-url");
const { InlinePagePlugin } = require("./scripts/inline-page");

/** The plain-ES5 scripts every page runs before its bundle (src/boot), for the templates. */
function bootScripts() {
  const read = (name) => fs.readFileSync(path.resolve(__dirname, "src/boot", name), "utf8").trimEnd();
  return { hostCheck: read("host-check.js"), oldHostBox: read("old-host-box.js"), oldHostText: read("old-host-addin.js") };
}

const DEV_PORT = 3000;

class BundleSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      if (compiler.options.mode !== "production" || compilation.errors.length > 0) return;
      require("./scripts/bundle-size").report(compiler.options.output.path);
    });
  }
}

async function httpsOptions() {
  if (process.env.DEV_CERT && process.env.DEV_KEY) {
    return { cert: fs.readFileSync(process.env.DEV_CERT), key: fs.readFileSync(process.env.DEV_KEY) };
  }
  // Creates (once) and returns the localhost certificate in ~/.office-addin-dev-certs.
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const addinUrl = process.env.ADDIN_URL || "https://localhost:3000/";
  const outDir = path.resolve(__dirname, env.outDir || "dist");
  const pageOnly = env.only === "page";
  const addinEntries = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
    notice: "./src/commands/notice.ts",
    // The reading off the pane's thread; a fixed name, the pane starts it by that name.
    "engine-worker": "./src/taskpane/engine.worker.ts",
  };
  const addinPlugins = [
    new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], templateParameters: bootScripts() }),
    new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], templateParameters: bootScripts() }),
    new HtmlWebpackPlugin({ filename: "notice.html", template: "./src/commands/notice.html", chunks: ["notice"], templateParameters: bootScripts() }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/icons", to: "assets/icons" },
        { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content.toString(), addinUrl) },
      ],
    }),
  ];
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      ...(pageOnly ? {} : addinEntries),
      // The offline page and its worker, inlined into jindu.html and not shipped as files.
      // publicPath "": an inline script has no src to take it from (the dev server's runtime asks).
      page: { import: "./src/page/index.tsx", publicPath: "" },
      "page-worker": { import: "./src/page/page.worker.ts", publicPath: "" },
    },
    output: {
      path: outDir,
      filename: (data) => (data.chunk && data.chunk.name === "engine-worker" ? "engine-worker.js" : "[name].[contenthash:8].js"),
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type-checking is tsc's job (npm run typecheck); ES modules let webpack shake Fluent UI.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "es2020", moduleResolution: "node", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...(pageOnly ? [] : addinPlugins),
      // The page decodes GB18030 and UTF-16 with the browser's TextDecoder, not iconv-lite's tables.
      new webpack.NormalModuleReplacementPlugin(/[\\/]text[\\/]decode\.ts$/, path.resolve(__dirname, "src/page/decode.ts")),
      new InlinePagePlugin({ template: path.resolve(__dirname, "src/page/page.html"), boot: path.resolve(__dirname, "src/boot") }),
      new BundleSizePlugin(),
    ],
    devServer: production
      ? undefined
      : {
          port: DEV_PORT,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          static: false,
        },
  };
};
