// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { zone = null; }

    // Sign-up records the browser's zone as the member's default.
    document.querySelectorAll("input[data-browser-time-zone]").forEach(function (input) {
        if (zone && !input.value) input.value = zone;
    });

    // Guests have no zone of their own: show absolute times in the browser's zone.
    if (document.body.getAttribute("data-user-zone") !== "true") {
        document.querySelectorAll("time[datetime]").forEach(function (time) {
            var at = new Date(time.getAttribute("datetime"));
            if (!isNaN(at)) time.title = at.toLocaleString(document.documentElement.lang || undefined, { dateStyle: "full", timeStyle: "short" });
        });
    }

    // Category colours come as data attributes: the Content-Security-Policy refuses inline style attributes,
    // while styles set through the DOM are allowed.
    document.querySelectorAll("[data-category-color]").forEach(function (element) {
        var color = element.getAttribute("data-category-color");
        if (/^[0-9A-Fa-f]{6}$/.test(color)) element.style.setProperty("--category-color", "#" + color);
    });

    // /t/slug/id/N: bring post N into view.
    var topic = document.querySelector("[data-target-post]");
    var target = topic && topic.getAttribute("data-target-post");
    if (target) {
        var post = document.getElementById("post-" + target);
        if (post) post.scrollIntoView();
    }
})();
