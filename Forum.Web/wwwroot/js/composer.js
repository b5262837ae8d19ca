// The composer's helpers: live preview, "@" and ":" suggestions, a formatting toolbar, and quoting a selection.
// Progressive enhancement only: without this file the Preview button, the textarea and ?quote=N still work.
(function () {
    "use strict";
    var tools = document.getElementById("composer-tools");
    if (!tools) return;

    var mentionBefore = /(^|[\s(\[])@([A-Za-z0-9_.\-]{1,60})$/;
    var emojiBefore = /(^|[\s(\[]):([a-z0-9_+\-]{2,30})$/;
    var nextId = 0;

    var clone = function (selector) {
        return tools.content.querySelector(selector).cloneNode(true);
    };

    // Replaces the textarea's characters from start to end and leaves the caret (or a selection) where asked.
    // execCommand keeps the browser's undo history; where it is refused, setRangeText does the same edit.
    var replaceRange = function (textarea, start, end, text, selectFrom, selectTo) {
        textarea.focus();
        textarea.setSelectionRange(start, end);
        if (!document.execCommand("insertText", false, text)) {
            textarea.setRangeText(text, start, end, "end");
            textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }
        textarea.setSelectionRange(start + selectFrom, start + selectTo);
    };

    // ---- Toolbar: each button edits the Markdown around the selection.
    var lineStart = function (value, at) { return value.lastIndexOf("\n", at - 1) + 1; };

    var prefixLines = function (textarea, prefix) {
        var value = textarea.value;
        var start = lineStart(value, textarea.selectionStart);
        var end = textarea.selectionEnd;
        var lines = value.slice(start, end).split("\n").map(function (line) { return prefix + line; }).join("\n");
        replaceRange(textarea, start, end, lines, lines.length, lines.length);
    };

    var wrap = function (textarea, before, after) {
        var start = textarea.selectionStart, end = textarea.selectionEnd;
        var selected = textarea.value.slice(start, end);
        replaceRange(textarea, start, end, before + selected + after, before.length, before.length + selected.length);
    };

    var format = function (textarea, kind) {
        var start = textarea.selectionStart, end = textarea.selectionEnd;
        var selected = textarea.value.slice(start, end);
        switch (kind) {
            case "bold": wrap(textarea, "**", "**"); break;
            case "italic": wrap(textarea, "_", "_"); break;
            case "link": {
                // The address is selected, ready to be typed over.
                var text = "[" + selected + "](https://)";
                replaceRange(textarea, start, end, text, selected.length + 3, text.length - 1);
                break;
            }
            case "quote": prefixLines(textarea, "> "); break;
            case "list": prefixLines(textarea, "- "); break;
            case "code":
                if (selected.indexOf("\n") >= 0) {
                    var block = "```\n" + selected + "\n```";
                    replaceRange(textarea, start, end, block, 4, 4 + selected.length);
                } else wrap(textarea, "`", "`");
                break;
        }
    };

    // ---- Live preview: cooked by the server, as saving will, shortly after the member stops typing.
    var setUpPreview = function (form, textarea, section) {
        var token = form.querySelector("input[name=__RequestVerificationToken]");
        var output = section.querySelector(".cooked");
        var timer = null, inFlight = false, again = false, shown = null, pausedUntil = 0;

        var render = function () {
            var raw = textarea.value;
            if (raw === shown) return;
            if (inFlight) { again = true; return; }
            if (raw.trim() === "") { output.replaceChildren(); section.classList.remove("refused"); shown = raw; return; }
            if (Date.now() < pausedUntil) { schedule(pausedUntil - Date.now()); return; }
            var body = new FormData();
            body.append("raw", raw);
            if (token) body.append("__RequestVerificationToken", token.value);
            inFlight = true;
            fetch("/composer/preview", { method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" } })
                .then(function (r) {
                    // Over the preview limit: keep the last preview and try again once the limit allows.
                    if (r.status === 429) {
                        pausedUntil = Date.now() + 1000 * (parseInt(r.headers.get("Retry-After"), 10) || 10);
                        again = true;
                        return;
                    }
                    return r.json().then(function (answer) {
                        if (r.ok) {
                            // The server's sanitizer has made this HTML safe, as for every saved post.
                            output.innerHTML = answer.cooked;
                            section.classList.remove("refused");
                        } else {
                            output.textContent = (answer.errors || []).join(" ");
                            section.classList.add("refused");
                        }
                        shown = raw;
                    });
                })
                .catch(function () { })
                .finally(function () {
                    inFlight = false;
                    if (again) { again = false; schedule(0); }
                });
        };
        var schedule = function (delay) {
            clearTimeout(timer);
            timer = setTimeout(render, delay);
        };
        textarea.addEventListener("input", function () { schedule(400); });
        if (textarea.value.trim() !== "") schedule(0);
    };

    // ---- Suggestions: "@" members and groups, ":" emoji, as an ARIA listbox the textarea controls.
    var setUpSuggestions = function (textarea, list) {
        var groupLabel = tools.getAttribute("data-group-label") || "group";
        var listId = "composer-suggestions-" + (++nextId);
        list.id = listId;
        textarea.setAttribute("aria-autocomplete", "list");
        textarea.setAttribute("aria-haspopup", "listbox");
        textarea.setAttribute("aria-controls", listId);
        var options = [], active = -1, trigger = null, dismissed = null, request = null, timer = null;

        var close = function () {
            list.hidden = true;
            list.replaceChildren();
            options = [];
            active = -1;
            textarea.removeAttribute("aria-activedescendant");
        };

        var activate = function (index) {
            if (options.length === 0) return;
            active = (index + options.length) % options.length;
            options.forEach(function (option, i) { option.element.setAttribute("aria-selected", i === active ? "true" : "false"); });
            textarea.setAttribute("aria-activedescendant", options[active].element.id);
            options[active].element.scrollIntoView({ block: "nearest" });
        };

        var choose = function (index) {
            var option = options[index];
            if (!option || !trigger) return;
            var text = option.insert + " ";
            var at = trigger.start;
            close();
            replaceRange(textarea, at, trigger.end, text, text.length, text.length);
            trigger = null;
        };

        var show = function (found) {
            list.replaceChildren();
            options = found.map(function (item, i) {
                var element = document.createElement("li");
                element.id = listId + "-" + i;
                element.setAttribute("role", "option");
                element.setAttribute("aria-selected", "false");
                element.className = "composer-suggestion";
                var main = document.createElement("span");
                main.className = "suggestion-main";
                main.textContent = item.label;
                element.append(main);
                if (item.detail) {
                    var detail = document.createElement("span");
                    detail.className = "suggestion-detail";
                    detail.textContent = item.detail;
                    element.append(detail);
                }
                // mousedown, not click: the textarea keeps its focus and caret.
                element.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
                list.append(element);
                return { element: element, insert: item.insert };
            });
            if (options.length === 0) { close(); return; }
            list.hidden = false;
            activate(0);
        };

        var lookUp = function (found) {
            if (request) request.abort();
            request = new AbortController();
            var url = found.kind === "@"
                ? "/u/search/users.json?term=" + encodeURIComponent(found.term)
                : "/emojis.json?term=" + encodeURIComponent(found.term);
            fetch(url, { credentials: "same-origin", signal: request.signal, headers: { Accept: "application/json" } })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (answer) {
                    if (!answer || trigger === null || trigger.key !== found.key) return;
                    if (found.kind === "@") {
                        show(answer.users.map(function (u) { return { label: "@" + u.username, detail: u.name, insert: "@" + u.username }; })
                            .concat(answer.groups.map(function (g) { return { label: "@" + g.name, detail: groupLabel, insert: "@" + g.name }; })));
                    } else {
                        show(answer.emojis.map(function (e) { return { label: e.emoji + " :" + e.name + ":", insert: ":" + e.name + ":" }; }));
                    }
                })
                .catch(function () { });
        };

        // What the caret follows: "@al" or ":smi" right before it, with nothing selected.
        var triggerAtCaret = function () {
            if (textarea.selectionStart !== textarea.selectionEnd) return null;
            var end = textarea.selectionStart;
            var before = textarea.value.slice(Math.max(0, end - 64), end);
            var match = mentionBefore.exec(before), kind = "@";
            if (!match) { match = emojiBefore.exec(before); kind = ":"; }
            if (!match) return null;
            var term = match[2];
            var start = end - term.length - 1;
            return { kind: kind, term: term, start: start, end: end, key: kind + start + ":" + term };
        };

        var update = function () {
            var found = triggerAtCaret();
            if (!found || found.key === dismissed) { trigger = null; close(); return; }
            dismissed = null;
            if (trigger && trigger.key === found.key) return;
            trigger = found;
            clearTimeout(timer);
            timer = setTimeout(function () { lookUp(found); }, 120);
        };

        textarea.addEventListener("input", update);
        textarea.addEventListener("click", update);
        textarea.addEventListener("blur", function () { trigger = null; close(); });
        textarea.addEventListener("keydown", function (event) {
            if (list.hidden) return;
            switch (event.key) {
                case "ArrowDown": event.preventDefault(); activate(active + 1); break;
                case "ArrowUp": event.preventDefault(); activate(active - 1); break;
                case "Enter": case "Tab": event.preventDefault(); choose(active); break;
                case "Escape":
                    event.preventDefault();
                    dismissed = trigger && trigger.key;
                    trigger = null;
                    close();
                    break;
            }
        });
        textarea.addEventListener("keyup", function (event) {
            if (event.key === "ArrowLeft" || event.key === "ArrowRight" || event.key === "Home" || event.key === "End") update();
        });
    };

    var enhance = function (textarea) {
        var form = textarea.closest("form");
        var panes = document.createElement("div");
        panes.className = "composer-panes";
        var editor = document.createElement("div");
        editor.className = "composer-editor";
        textarea.before(panes);
        panes.append(editor);
        var toolbar = clone(".composer-toolbar");
        var list = clone(".composer-suggestions");
        editor.append(toolbar, textarea, list);
        // After a no-JS style preview the server's section is already there: it becomes the live one.
        var section = form.querySelector("section.preview") || clone("section.live-preview");
        section.classList.add("live-preview");
        panes.append(section);
        form.classList.add("has-live-preview");

        toolbar.addEventListener("click", function (event) {
            var button = event.target.closest("button[data-format]");
            if (button) format(textarea, button.getAttribute("data-format"));
        });
        textarea.addEventListener("keydown", function (event) {
            if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
            var key = event.key.toLowerCase();
            if (key === "b" || key === "i") { event.preventDefault(); format(textarea, key === "b" ? "bold" : "italic"); }
        });
        setUpPreview(form, textarea, section);
        setUpSuggestions(textarea, list);
    };

    document.querySelectorAll('form.composer textarea[name="Input.Raw"]').forEach(enhance);

    // ---- Quoting a selection: a "Quote" button beside text selected inside one post the reader may quote.
    var reply = document.querySelector('form#reply textarea[name="Input.Raw"]');
    if (!reply) return;
    var quoteButton = clone(".quote-selection");
    quoteButton.hidden = true;
    document.body.append(quoteButton);
    var pending = null;

    var quotableSelection = function () {
        var selection = window.getSelection();
        if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
        var range = selection.getRangeAt(0);
        var holder = function (node) {
            var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
            return element && element.closest(".cooked[data-quote-url]:not([data-quote-url=\"\"])");
        };
        var body = holder(range.startContainer);
        // Both ends in the same post, so a quote never mixes two authors or takes text from outside a post.
        if (!body || body !== holder(range.endContainer)) return null;
        var text = selection.toString().trim();
        return text ? { body: body, text: text, range: range } : null;
    };

    var placeButton = function () {
        pending = quotableSelection();
        if (!pending) { quoteButton.hidden = true; return; }
        var rects = pending.range.getClientRects();
        var last = rects.length ? rects[rects.length - 1] : pending.range.getBoundingClientRect();
        quoteButton.hidden = false;
        quoteButton.style.top = (window.scrollY + last.bottom + 6) + "px";
        quoteButton.style.left = Math.max(8, Math.min(window.scrollX + last.right - quoteButton.offsetWidth,
            document.documentElement.clientWidth - quoteButton.offsetWidth - 8)) + "px";
    };

    var placeTimer = null;
    document.addEventListener("selectionchange", function () {
        clearTimeout(placeTimer);
        placeTimer = setTimeout(placeButton, 150);
    });
    // mousedown would clear the selection before the click lands.
    quoteButton.addEventListener("mousedown", function (event) { event.preventDefault(); });
    quoteButton.addEventListener("click", function () {
        var chosen = pending || quotableSelection();
        if (!chosen) return;
        // The format ?quote=N writes (Show.cshtml.cs), so the quote is attributed and its author notified.
        var lines = chosen.text.replace(/\r\n?/g, "\n").split("\n").map(function (line) { return "> " + line; }).join("\n");
        var quote = "> [@" + chosen.body.getAttribute("data-quote-author") + "](" + chosen.body.getAttribute("data-quote-url") + "):\n" + lines + "\n\n";
        var value = reply.value;
        var lead = value === "" || /\n\n$/.test(value) ? "" : (/\n$/.test(value) ? "\n" : "\n\n");
        var text = lead + quote;
        replaceRange(reply, value.length, value.length, text, text.length, text.length);
        window.getSelection().removeAllRanges();
        quoteButton.hidden = true;
        reply.scrollIntoView({ block: "center" });
        reply.focus();
    });
})();
