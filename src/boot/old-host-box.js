// Plain ES5, put into every page by the build (html templates: oldHostBox; the offline page:
// scripts/inline-page.js): shows the page's window.jinduOldHostText (Chinese, then English:
// what happened and what to use instead), built only when needed, so a page that runs holds
// none of it; with what was missing, as text.
window.jinduShowOldHost = function (d) {
  var box = d.getElementById("old-host");
  if (!box) {
    box = d.createElement("div");
    box.id = "old-host";
    box.setAttribute("role", "alert");
    box.innerHTML = window.jinduOldHostText.concat(['<p class="detail">技术信息 / Details: <span id="old-host-detail" lang="en"></span></p>']).join("");
    d.body.insertBefore(box, d.body.firstChild);
  }
  // As text: a script error's message is not markup.
  d.getElementById("old-host-detail").textContent = (window.jinduOldHost || []).join("; ");
  return box;
};
