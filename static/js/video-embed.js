// Loads a YouTube or Vimeo player only when the visitor asks for it. Without JavaScript
// the link to the video on the provider's site remains.
(function () {
    "use strict";
    document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
        var button = figure.querySelector(".video__play");
        var placeholder = figure.querySelector(".video__placeholder");
        if (!button || !placeholder) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            var frame = document.createElement("iframe");
            frame.className = "video__frame";
            frame.src = figure.getAttribute("data-video-embed") + (figure.getAttribute("data-video-embed").indexOf("?") === -1 ? "?" : "&") + "autoplay=1";
            frame.title = figure.getAttribute("data-video-title");
            frame.allow = "autoplay; fullscreen; picture-in-picture";
            frame.setAttribute("allowfullscreen", "");
            placeholder.replaceWith(frame);
            frame.focus();
        });
    });
})();
