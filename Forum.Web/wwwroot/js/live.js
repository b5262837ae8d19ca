// Live updates over SignalR, layered on pages that already work without JavaScript.
// Pushes carry ids only; posts are fetched as HTML fragments rendered with this reader's permissions.
(function () {
    "use strict";
    if (!window.signalR) return;

    var topic = document.querySelector("article.topic[data-topic-id]");
    var list = document.querySelector("table.topic-list");
    var signedIn = document.querySelector(".notification-menu .unread-count");
    if (!topic && !list && !signedIn) return;

    var connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/live")
        .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
        .build();

    // Personal channel: the header's unread notification count, on every page that holds a connection.
    var unreadCount = document.querySelector(".notification-menu .unread-count");
    connection.on("NotificationCountChanged", function (unread) {
        if (!unreadCount) return;
        unreadCount.textContent = unread;
        unreadCount.hidden = unread === 0;
    });

    function plural(element, count) {
        return count === 1 ? element.getAttribute("data-one") : element.getAttribute("data-many").replace("{0}", count);
    }

    function fragment(html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        return holder.querySelectorAll("article.post");
    }

    if (topic) {
        var topicId = Number(topic.getAttribute("data-topic-id"));
        var posts = topic.querySelector(".posts");
        var onLastPage = topic.getAttribute("data-last-page") === "true";
        var notice = topic.querySelector(".new-replies-notice");
        var composingNotice = topic.querySelector(".composing-notice");
        var composer = topic.querySelector("form#reply");
        var waiting = 0;
        var fetching = null;

        var highestShown = function () {
            var numbers = Array.prototype.map.call(posts.querySelectorAll("article.post"), function (p) {
                return Number(p.getAttribute("data-post-number"));
            });
            return numbers.length ? Math.max.apply(null, numbers) : 0;
        };

        // The reader is at the end of the conversation when the last post's end is in view: the composer, the
        // toolbar and the footer below it don't count, however tall they are.
        var nearBottom = function () {
            var shown = posts.querySelectorAll("article.post");
            if (!shown.length) return true;
            return shown[shown.length - 1].getBoundingClientRect().bottom <= window.innerHeight + 300;
        };

        // Brings in every post after the highest one shown; posts already on the page are skipped,
        // so a push, a reconnect and the author's own submit never show a post twice.
        var loadNewPosts = function () {
            if (fetching) return fetching.then(loadNewPosts);
            var after = highestShown();
            fetching = fetch("/t/" + topicId + "/posts?after=" + after, { credentials: "same-origin" })
                .then(function (r) { return r.ok ? r.text() : ""; })
                .then(function (html) {
                    fragment(html).forEach(function (post) {
                        if (!document.getElementById(post.id)) posts.appendChild(post);
                    });
                    waiting = 0;
                    notice.hidden = true;
                })
                .finally(function () { fetching = null; });
            return fetching;
        };

        var refreshPost = function (postNumber) {
            var current = document.getElementById("post-" + postNumber);
            if (!current) return;
            fetch("/t/" + topicId + "/posts/" + postNumber, { credentials: "same-origin" })
                .then(function (r) { return r.ok ? r.text() : ""; })
                .then(function (html) {
                    var fresh = fragment(html)[0];
                    if (fresh) current.replaceWith(fresh);
                });
        };

        var refreshState = function () {
            fetch("/t/" + topicId + "/state", { credentials: "same-origin" })
                .then(function (r) { return r.json(); })
                .then(function (state) {
                    topic.querySelector(".closed-badge").hidden = !state.isClosed;
                    topic.querySelector(".pinned-badge").hidden = !state.isPinned;
                    topic.querySelector(".archived-badge").hidden = !state.isArchived;
                    topic.querySelector(".unlisted-badge").hidden = !state.isUnlisted;
                    topic.querySelector(".topic-closed-notice").hidden = !state.isClosed;
                    var wrap = topic.querySelector(".composer-wrap");
                    if (wrap) wrap.hidden = !state.mayReply;
                });
        };

        connection.on("PostCreated", function (id, postNumber) {
            if (id !== topicId || document.getElementById("post-" + postNumber)) return;
            hideComposing();
            if (onLastPage && nearBottom()) {
                loadNewPosts();
            } else {
                waiting += 1;
                notice.textContent = plural(notice, waiting);
                notice.hidden = false;
            }
        });
        connection.on("PostChanged", function (id, postNumber) { if (id === topicId) refreshPost(postNumber); });
        connection.on("TopicChanged", function (id) { if (id === topicId) refreshState(); });

        notice.addEventListener("click", function () {
            if (onLastPage) loadNewPosts();
            else window.location.href = window.location.pathname.replace(/\/\d+$/, "") + "?page=999999";
        });

        var composingTimer = null;
        var hideComposing = function () { composingNotice.hidden = true; };
        connection.on("Composing", function (id, username) {
            if (id !== topicId) return;
            composingNotice.textContent = composingNotice.getAttribute("data-template").replace("{0}", username);
            composingNotice.hidden = false;
            clearTimeout(composingTimer);
            composingTimer = setTimeout(hideComposing, 15000);
        });
        connection.on("StoppedComposing", function (id) { if (id === topicId) hideComposing(); });

        if (composer) {
            // Tell others at most every 5 seconds while typing; stop after 10 quiet seconds or on leaving.
            var lastSent = 0;
            var quietTimer = null;
            var textarea = composer.querySelector("textarea");
            var stopComposing = function () {
                if (!lastSent) return;
                lastSent = 0;
                connection.invoke("Composing", topicId, false).catch(function () { });
            };
            textarea.addEventListener("input", function () {
                var now = Date.now();
                if (now - lastSent > 5000 && connection.state === "Connected") {
                    lastSent = now;
                    connection.invoke("Composing", topicId, true).catch(function () { });
                }
                clearTimeout(quietTimer);
                quietTimer = setTimeout(stopComposing, 10000);
            });
            window.addEventListener("pagehide", stopComposing);

            // A reply to a post is for that one reply: the next one from this box is to the topic.
            var forgetReplyTo = function () {
                composer.querySelectorAll(".replying-to, input[name='Input.ReplyToPostNumber']").forEach(function (element) {
                    element.remove();
                });
                if (/[?&](replyTo|quote)=/.test(window.location.search)) history.replaceState(null, "", window.location.pathname);
            };

            // Takes the refusal messages of the page the server answered into this box; false if it has none.
            var showRefusal = function (html) {
                var holder = document.createElement("div");
                holder.innerHTML = html;
                var refused = holder.querySelector("form#reply");
                if (!refused) return false;
                // The form-wide summary is only rendered when it has something to say.
                var summary = composer.querySelector(".form-errors");
                if (summary) summary.remove();
                var freshSummary = refused.querySelector(".form-errors");
                if (freshSummary) composer.querySelector("h2").after(freshSummary);
                var fieldError = refused.querySelector(".field-error");
                if (fieldError) composer.querySelector(".field-error").replaceWith(fieldError);
                (freshSummary || textarea).scrollIntoView({ block: "nearest" });
                return true;
            };

            // On the last page the reply posts in place; elsewhere (and on any refusal) the form submits normally.
            composer.addEventListener("submit", function (event) {
                var button = event.submitter;
                if (!onLastPage || !button || !/handler=Reply/.test(button.getAttribute("formaction") || "")) return;
                event.preventDefault();
                button.disabled = true;
                fetch(button.getAttribute("formaction"), { method: "POST", body: new FormData(composer), credentials: "same-origin" })
                    .then(function (r) {
                        if (r.redirected && r.ok) {
                            stopComposing();
                            textarea.value = "";
                            forgetReplyTo();
                            composer.dispatchEvent(new CustomEvent("composer:posted"));
                            return r.text().then(function (html) {
                                // The page the server redirected to may say who the mention limit left out.
                                var holder = document.createElement("div");
                                holder.innerHTML = html;
                                var unnotified = holder.querySelector(".unnotified-mentions");
                                var old = topic.querySelector(".unnotified-mentions");
                                if (old) old.remove();
                                if (unnotified) topic.querySelector(".topic-header").after(unnotified);
                                return loadNewPosts();
                            }).then(function () {
                                var mine = document.getElementById(new URL(r.url).hash.slice(1) || "none");
                                if (mine) mine.scrollIntoView();
                            });
                        }
                        // Refused (too short, closed, slow mode…): show why in place, keeping what was typed.
                        return r.text().then(function (html) {
                            if (!showRefusal(html)) composer.submit();
                            else composer.dispatchEvent(new CustomEvent("composer:refused"));
                        });
                    })
                    .catch(function () { composer.submit(); })
                    .finally(function () { button.disabled = false; });
            });
        }

        // Read tracking: the page load already counted the posts it showed; posts that arrive or scroll into
        // view later are reported (the highest one, at most every 1.5 s) so unread counts stay true.
        var token = document.querySelector("input[name=__RequestVerificationToken]");
        if (token && document.body.getAttribute("data-user-zone") === "true" && "IntersectionObserver" in window) {
            var reported = highestShown();
            var seen = reported;
            var reportTimer = null;
            var report = function () {
                reportTimer = null;
                if (seen <= reported) return;
                reported = seen;
                var body = new FormData();
                body.append("postNumber", String(seen));
                body.append("__RequestVerificationToken", token.value);
                fetch("/t/" + topicId + "/read", { method: "POST", body: body, credentials: "same-origin" }).catch(function () { });
            };
            var visibility = new IntersectionObserver(function (entries) {
                entries.forEach(function (entry) {
                    if (entry.isIntersecting) seen = Math.max(seen, Number(entry.target.getAttribute("data-post-number")));
                });
                if (seen > reported && !reportTimer) reportTimer = setTimeout(report, 1500);
            });
            posts.querySelectorAll("article.post").forEach(function (post) { visibility.observe(post); });
            new MutationObserver(function (changes) {
                changes.forEach(function (change) {
                    change.addedNodes.forEach(function (node) {
                        if (node.nodeType === 1 && node.matches("article.post")) visibility.observe(node);
                    });
                });
            }).observe(posts, { childList: true });
            window.addEventListener("pagehide", report);
        }

        var watch = function () {
            return connection.invoke("WatchTopic", topicId).then(function (highest) {
                topic.setAttribute("data-live", "watching");
                if (onLastPage && highest > highestShown()) loadNewPosts();
            });
        };
        // data-live tells whether this page is hearing pushes; browser tests wait on it before acting.
        connection.onreconnecting(function () { topic.removeAttribute("data-live"); });
        connection.onreconnected(watch);
        connection.start().then(watch).catch(function () { });
        window.forumLive = { connection: connection, loadNewPosts: loadNewPosts };
        return;
    }

    if (!list) {
        // Any other page of a signed-in member: only the personal channel, for the header's count.
        connection.onreconnecting(function () { document.body.removeAttribute("data-live"); });
        connection.onreconnected(function () { document.body.setAttribute("data-live", "connected"); });
        connection.start().then(function () { document.body.setAttribute("data-live", "connected"); }).catch(function () { });
        return;
    }

    var banner = document.querySelector(".list-updates");
    var categoryId = Number(list.getAttribute("data-category-id")) || null;
    var changed = new Set();
    connection.on("TopicListChanged", function (topicId, category, parentCategory) {
        if (categoryId && category !== categoryId && parentCategory !== categoryId) return;
        changed.add(topicId);
        banner.textContent = plural(banner, changed.size);
        banner.hidden = false;
    });
    banner.addEventListener("click", function () { window.location.reload(); });
    var watchLists = function () {
        return connection.invoke("WatchLists").then(function () { list.setAttribute("data-live", "watching"); });
    };
    connection.onreconnecting(function () { list.removeAttribute("data-live"); });
    connection.onreconnected(watchLists);
    connection.start().then(watchLists).catch(function () { });
})();
