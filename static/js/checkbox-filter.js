// A filter box above a long checkbox list (portal.page_forms.FilteredCheckboxSelectMultiple):
// typing hides the options whose label does not contain the text. Without JavaScript the
// list is simply all there.
(function () {
  "use strict";

  function setUp(container) {
    if (container.dataset.checkboxFilterReady) {
      return;
    }
    container.dataset.checkboxFilterReady = "1";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "checkbox-filter__input";
    input.setAttribute("aria-label", container.dataset.checkboxFilterLabel || "");
    input.placeholder = container.dataset.checkboxFilterLabel || "";
    container.insertBefore(input, container.firstChild);
    input.addEventListener("input", function () {
      var text = input.value.trim().toLowerCase();
      container.querySelectorAll("label").forEach(function (label) {
        var item = label.closest("div, li") || label;
        item.hidden = text !== "" && label.textContent.toLowerCase().indexOf(text) === -1;
      });
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-checkbox-filter]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
