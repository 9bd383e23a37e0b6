// Under a text box with a word limit, show how many words are used. The visible count
// follows every key; screen readers hear it once typing pauses, not after every word.
(function () {
    "use strict";
    var template = document.documentElement.lang === "nl"
        ? { used: "{count} van {limit} woorden", over: "{count} woorden: {over} te veel" }
        : { used: "{count} of {limit} words", over: "{count} words: {over} too many" };

    function format(text, values) {
        return text.replace(/\{(\w+)\}/g, function (_match, key) { return values[key]; });
    }

    document.querySelectorAll("textarea[data-word-limit]").forEach(function (box) {
        var limit = parseInt(box.getAttribute("data-word-limit"), 10);
        var visible = document.createElement("p");
        var spoken = document.createElement("p");
        var timer = null;
        visible.className = "word-count";
        visible.setAttribute("aria-hidden", "true");
        spoken.className = "visually-hidden";
        spoken.setAttribute("aria-live", "polite");
        box.insertAdjacentElement("afterend", spoken);
        box.insertAdjacentElement("afterend", visible);

        function update(announce) {
            var words = box.value.trim() ? box.value.trim().split(/\s+/).length : 0;
            var text = words > limit
                ? format(template.over, { count: words, over: words - limit })
                : format(template.used, { count: words, limit: limit });
            visible.textContent = text;
            visible.classList.toggle("word-count--over", words > limit);
            if (announce) {
                clearTimeout(timer);
                timer = setTimeout(function () { spoken.textContent = text; }, 1200);
            }
        }
        box.addEventListener("input", function () { update(true); });
        update(false);
    });
})();
