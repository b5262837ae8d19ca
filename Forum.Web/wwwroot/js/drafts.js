// Drafts, as Discourse: the composer is saved on the server a moment after the member stops typing, so the text
// survives a closed tab and comes back on another device. Without this file a refused submit or a preview keeps
// the draft, and "Discard draft" posts its form.
(function () {
    "use strict";
    var SAVE_AFTER_MS = 1500;

    document.querySelectorAll("form.composer").forEach(function (form) {
        var controls = form.querySelector(".draft-controls");
        var textarea = form.querySelector('textarea[name="Input.Raw"]');
        var token = form.querySelector('input[name="__RequestVerificationToken"]');
        if (!controls || !textarea || !token) return;
        var title = form.querySelector('input[name="Input.Title"]');
        var category = form.querySelector('select[name="Input.CategoryId"]');
        var status = controls.querySelector(".draft-status");
        var discard = controls.querySelector(".draft-discard");
        var key = controls.getAttribute("data-draft-key");
        var sequence = Number(controls.getAttribute("data-draft-sequence")) || 0;

        var current = function () {
            return {
                draft_key: key,
                raw: textarea.value,
                title: title ? title.value : null,
                category_id: category && category.value ? Number(category.value) : null,
                sequence: sequence,
            };
        };
        var fingerprint = function (draft) { return JSON.stringify([draft.raw, draft.title, draft.category_id]); };
        var isEmpty = function (draft) { return !draft.raw.trim() && !(draft.title || "").trim(); };

        // What the server holds: the page came with it (the draft, the post's text or an empty box).
        var saved = fingerprint(current());
        var timer = null;
        var inFlight = null;
        var submitting = false;

        var show = function (text, hasDraft) {
            status.textContent = text;
            discard.hidden = !hasDraft;
        };

        var save = function () {
            timer = null;
            var draft = current();
            if (fingerprint(draft) === saved) return;
            if (inFlight) { inFlight.then(save); return; }
            show(controls.getAttribute("data-saving"), !discard.hidden);
            inFlight = fetch("/drafts.json", {
                method: "POST",
                credentials: "same-origin",
                headers: { "Content-Type": "application/json", "X-CSRF-Token": token.value },
                body: JSON.stringify(draft),
            }).then(function (r) {
                return r.json().then(function (body) {
                    if (!r.ok) throw new Error((body.errors || [])[0] || String(r.status));
                    sequence = body.sequence;
                    saved = fingerprint(draft);
                    show(isEmpty(draft) ? "" : controls.getAttribute("data-saved"), !isEmpty(draft));
                });
            }).catch(function (error) {
                show(controls.getAttribute("data-not-saved").replace("{0}", error.message), !discard.hidden);
            }).finally(function () { inFlight = null; });
        };

        var changed = function () {
            clearTimeout(timer);
            timer = setTimeout(save, SAVE_AFTER_MS);
        };
        textarea.addEventListener("input", changed);
        if (title) title.addEventListener("input", changed);
        if (category) category.addEventListener("change", changed);

        // The reply box posts in place (live.js): the server discarded the draft with the post, so take up its new
        // sequence, which the next draft in this box must carry.
        form.addEventListener("composer:posted", function () {
            clearTimeout(timer);
            fetch("/drafts.json?key=" + encodeURIComponent(key), { credentials: "same-origin" })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (draft) {
                    if (!draft) return;
                    sequence = draft.sequence;
                    saved = fingerprint(current());
                    show("", false);
                });
        });

        // A reply refused in place: the server kept its text as the draft (when a draft can hold it).
        form.addEventListener("composer:refused", function () {
            fetch("/drafts.json?key=" + encodeURIComponent(key), { credentials: "same-origin" })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (draft) {
                    if (!draft || draft.raw !== textarea.value) return;
                    sequence = draft.sequence;
                    saved = fingerprint(current());
                    show(controls.getAttribute("data-saved"), true);
                });
        });

        discard.addEventListener("click", function (event) {
            event.preventDefault();
            clearTimeout(timer);
            fetch("/drafts/" + encodeURIComponent(key) + ".json", {
                method: "DELETE",
                credentials: "same-origin",
                headers: { "X-CSRF-Token": token.value },
            }).then(function (r) {
                if (!r.ok) { form.requestSubmit(discard); return; }
                return r.json().then(function (body) {
                    sequence = body.sequence;
                    textarea.value = "";
                    if (title) title.value = "";
                    saved = fingerprint(current());
                    show("", false);
                    // An edit's box goes back to the post as it stands, which the page (by GET) holds.
                    if (form.matches(".post-editor")) { window.location.href = window.location.pathname; return; }
                    textarea.focus();
                });
            });
        });

        // A form really leaving (not a reply sent in place, which live.js prevents) takes its text with it.
        form.addEventListener("submit", function (event) {
            submitting = true;
            setTimeout(function () { if (event.defaultPrevented) submitting = false; }, 0);
        });

        // Leaving with text the server does not hold yet: the browser asks first.
        window.addEventListener("beforeunload", function (event) {
            var draft = current();
            if (submitting || isEmpty(draft) || fingerprint(draft) === saved) return;
            event.preventDefault();
            event.returnValue = "";
        });
    });
})();
