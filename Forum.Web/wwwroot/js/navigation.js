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

    // User card: a poster's name opens a small card fetched from /u/{name}/card; Escape, the close button or a click
    // elsewhere closes it and gives focus back to the name. Ctrl/Cmd-click still opens the profile.
    var card = null, opener = null;
    var closeCard = function () {
        if (!card) return;
        card.remove();
        card = null;
        if (opener) { opener.setAttribute("aria-expanded", "false"); opener.focus(); }
        opener = null;
    };
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a.post-author, a.topic-poster, a[data-user-card]");
        if (card && !card.contains(event.target) && link !== opener) closeCard();
        if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        if (link === opener) { closeCard(); return; }
        var username = link.getAttribute("href").replace(/^\/u\//, "");
        fetch("/u/" + encodeURIComponent(decodeURIComponent(username)) + "/card", { credentials: "same-origin" })
            .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
            .then(function (html) {
                closeCard();
                var box = document.createElement("div");
                box.className = "user-card-popover";
                box.setAttribute("role", "dialog");
                box.setAttribute("aria-label", document.body.getAttribute("data-user-card-label") || "User card");
                box.tabIndex = -1;
                box.innerHTML = html;
                var close = document.createElement("button");
                close.type = "button";
                close.className = "user-card-close link-button";
                close.textContent = "×";
                close.setAttribute("aria-label", document.body.getAttribute("data-close-label") || "Close");
                close.addEventListener("click", closeCard);
                box.insertBefore(close, box.firstChild);
                var rect = link.getBoundingClientRect();
                box.style.top = (window.scrollY + rect.bottom + 4) + "px";
                box.style.left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - 328)) + "px";
                document.body.appendChild(box);
                card = box;
                opener = link;
                link.setAttribute("aria-expanded", "true");
                box.focus();
            })
            .catch(function () { window.location.href = link.href; });
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && card) { event.preventDefault(); closeCard(); }
    });
})();
