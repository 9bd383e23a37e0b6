// Collapses the main menu behind a button on small screens. Without JavaScript the menu
// simply stays open.
(function () {
    "use strict";
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("main-nav-list");
    if (!toggle || !list) {
        return;
    }
    var small = window.matchMedia("(max-width: 47.99em)");
    document.documentElement.classList.add("js-menu");

    function setOpen(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) {
            list.removeAttribute("data-collapsed");
        } else {
            list.setAttribute("data-collapsed", "");
        }
    }

    function update() {
        toggle.hidden = !small.matches;
        setOpen(!small.matches);
    }

    toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && small.matches && toggle.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            toggle.focus();
        }
    });
    small.addEventListener("change", update);
    update();
})();
