// Plain ES5, put into taskpane.html and notice.html by the build (oldHostText): what a webview
// too old for the add-in says, in Chinese then English.
window.jinduOldHostText = [
  '<h1>进度助手无法在这个 Excel 中运行</h1>',
  '<p>这个 Excel 用来显示加载项的浏览器组件太旧，运行不了进度助手。请改用：</p>',
  '<ul>',
  '<li>Microsoft 365 版 Excel、Excel 2021 或更新版本，或网页版 Excel。在 Windows 上仍看到这条提示时，请更新 Office 并安装 Microsoft Edge WebView2 运行时；在 Mac 上请更新 macOS。</li>',
  '<li>进度助手的命令行，不需要 Excel，WPS 用户也可以用：<code>jindu report 通报.xlsx</code> 写出带标注的副本和进度汇总表。</li>',
  '</ul>',
  '<div lang="en">',
  '<h2>Jindu cannot run in this Excel</h2>',
  '<p>The browser component this Excel uses for add-ins is too old to run Jindu. Instead, use:</p>',
  '<ul>',
  '<li>Excel for Microsoft 365, Excel 2021 or later, or Excel on the web. If you still see this on Windows, update Office and install the Microsoft Edge WebView2 Runtime; on a Mac, update macOS.</li>',
  '<li>Jindu’s command line, without Excel (WPS users too): <code>jindu report bulletin.xlsx</code> writes an annotated copy with the progress summary.</li>',
  '</ul>',
  '</div>'
];
