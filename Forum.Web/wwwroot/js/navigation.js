// Progressive enhancement for finding one's way: the topic position indicator follows the post in view, and
// a poster's name opens their user card. Without this file the indicator is a plain form and names link to profiles.
(function () {
    "use strict";

    // Topic position: the post whose top has passed a third of the window is the one being read.
    var position = document.querySelector(".topic-position");
    if (position) {
        var current = position.querySelector(".position-current");
        var highest = position.querySelector(".position-highest");
        var summary = position.querySelector("summary");
        var label = position.getAttribute("data-label") || "";
        var pending = false;
        var update = function () {
            pending = false;
            var posts = document.querySelectorAll("article.post[data-post-number]");
            if (posts.length === 0) return;
            var line = window.innerHeight / 3, shown = posts[0], top = 0;
            for (var i = 0; i < posts.length; i++) {
                var number = parseInt(posts[i].getAttribute("data-post-number"), 10);
                if (number > top) top = number;
                if (posts[i].getBoundingClientRect().top <= line) shown = posts[i];
            }
            // Live replies add posts past the count the page was served with.
            var max = Math.max(parseInt(position.getAttribute("data-highest"), 10) || 0, top);
            var now = shown.getAttribute("data-post-number");
            if (current.textContent !== now || highest.textContent !== String(max)) {
                current.textContent = now;
                highest.textContent = String(max);
                summary.setAttribute("aria-label", label.replace("{0}", now).replace("{1}", String(max)));
            }
        };
        var schedule = function () {
            if (!pending) { pending = true; window.requestAnimationFrame(update); }
        };
        window.addEventListener("scroll", schedule, { passive: true });
        window.addEventListener("resize", schedule);
        schedule();
    }
})();
