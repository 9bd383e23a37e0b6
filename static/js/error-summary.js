// After a post with mistakes, move focus to the summary of what needs correcting, so that
// keyboard and screen-reader users land on it.
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
})();
