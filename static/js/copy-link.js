// "Copy link" next to the share links: shown only where the browser can copy. Without
// JavaScript the address bar does the same job.
(function () {
    "use strict";
    if (!navigator.clipboard) {
        return;
    }
    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
        var status = button.parentNode.querySelector(".share__copied");
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
                if (status) {
                    status.textContent = button.getAttribute("data-copied-text");
                }
            });
        });
    });
})();
