// Plain ES5, inlined at build time into taskpane.html, commands.html, notice.html (the templates'
// hostCheck parameter) and the offline page (scripts/inline-page.js) before their bundles. Kept
// in one file so the four pages cannot drift.
// What the bundle needs that a webview may lack: the syntax it is compiled to (ES2022) and
// the built-ins newer than that syntax which it calls. Its own scripts failing while the
// page loads count too (a syntax this list does not know). Sets window.jinduOldHost.
(function (w, d) {
  var missing = [];
  // A page whose policy bars eval (the offline page) cannot try syntax: it only logs refusals.
  var barred = !!(d.querySelector && d.querySelector('meta[http-equiv="Content-Security-Policy"]'));
  function parses(name, source) {
    if (barred) return;
    try {
      new Function(source);
    } catch (e) {
      // Anything but a SyntaxError (eval barred by a policy) says nothing about the syntax.
      if (e instanceof SyntaxError) missing.push(name);
    }
  }
  function has(name, test) {
    var ok = false;
    try {
      ok = test();
    } catch (e) {
      ok = false;
    }
    if (!ok) missing.push(name);
  }
  parses("ES2020 ?. ??", "var a = {}; return a?.b ?? 1;");
  parses("ES2021 ??= ||=", "var a = {}; a.b ??= 1; a.c ||= 2; return a;");
  parses("ES2022 class fields", "class A { b = 1; } return new A();");
  has("Promise, Map, Set, WeakMap", function () {
    return typeof Promise === "function" && typeof Map === "function" && typeof Set === "function" && typeof WeakMap === "function";
  });
  has("WeakRef", function () {
    return typeof WeakRef === "function";
  });
  has("RegExp named groups, \\p{…}", function () {
    return new RegExp("(?<c>\\p{Script=Han})", "u").test("进");
  });
  function report(found) {
    if (w.jinduOldHost) return;
    w.jinduOldHost = found;
    if (w.jinduOnOldHost) w.jinduOnOldHost();
  }
  w.jinduOldHost = null;
  if (missing.length > 0) report(missing);
  var origin = location.protocol + "//" + location.host + "/";
  var loading = true;
  w.addEventListener("error", function (e) {
    if (loading && e && typeof e.filename === "string" && e.filename.indexOf(origin) === 0) report(["script: " + e.message]);
  });
  d.addEventListener("DOMContentLoaded", function () {
    loading = false;
  });
})(window, document);
