// Rewrites the dev-server URL of manifest.xml to where the add-in is hosted.
"use strict";

const DEV_URL = "https://localhost:3000/";

/** `base` must be an https URL; a trailing slash is added when missing. */
function rewriteManifest(xml, base) {
  if (!base || base === DEV_URL) return xml;
  if (!/^https:\/\//.test(base)) throw new Error(`ADDIN_URL must be an https URL, got ${base}`);
  const url = base.endsWith("/") ? base : `${base}/`;
  const origin = new URL(url).origin;
  return xml.split(DEV_URL).join(url).split("<AppDomain>https://localhost:3000</AppDomain>").join(`<AppDomain>${origin}</AppDomain>`);
}

module.exports = { DEV_URL, rewriteManifest };
