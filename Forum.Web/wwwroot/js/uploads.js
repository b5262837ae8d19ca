// Images in the composer: paste, drop or pick a file, and its Markdown goes in at the caret. Progressive
// enhancement: without this file the "Upload image" button sends the form and the page comes back with it.
(function () {
    "use strict";
    var textareaSelector = 'form.composer textarea[name="Input.Raw"]';

    function composerOf(element) { return element.closest("form.composer"); }

    function say(form, key, text) {
        var box = form.querySelector(".image-upload");
        var status = form.querySelector(".image-upload-status");
        if (status) status.textContent = text || (box && box.getAttribute(key)) || "";
    }

    function insertAtCaret(textarea, markdown) {
        var start = textarea.selectionStart, end = textarea.selectionEnd, value = textarea.value;
        var before = value.slice(0, start), after = value.slice(end);
        var text = (before && !/\n$/.test(before) ? "\n" : "") + markdown + (after && !/^\n/.test(after) ? "\n" : "");
        textarea.value = before + text + after;
        var caret = before.length + text.length;
        textarea.setSelectionRange(caret, caret);
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    // As the page's own "Upload image" does: the image on a line of its own after the text.
    function appendAtEnd(textarea, markdown) {
        var text = textarea.value.replace(/\s+$/, "");
        textarea.value = (text ? text + "\n\n" : "") + markdown + "\n";
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    // Pasted or dropped images go where the caret is; a picked file, chosen away from the text, at the end.
    function upload(form, file, atCaret) {
        var textarea = form.querySelector(textareaSelector.replace("form.composer ", ""));
        var token = form.querySelector('input[name="__RequestVerificationToken"]');
        var body = new FormData();
        body.append("file", file, file.name || "image.png");
        if (token) body.append("__RequestVerificationToken", token.value);
        say(form, "data-uploading");
        return fetch("/uploads.json", { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (answer) {
                    if (!response.ok || !answer.markdown) {
                        say(form, "data-failed", answer.errors && answer.errors.join(" "));
                        return;
                    }
                    if (atCaret) insertAtCaret(textarea, answer.markdown);
                    else appendAtEnd(textarea, answer.markdown);
                    say(form, "data-uploaded");
                });
            })
            .catch(function () { say(form, "data-failed"); });
    }

    function imagesIn(transfer) {
        if (!transfer || !transfer.files) return [];
        return Array.prototype.filter.call(transfer.files, function (file) { return /^image\//.test(file.type) || !file.type; });
    }

    // Delegated from the document, so a composer that is re-rendered in place keeps working.
    document.addEventListener("paste", function (event) {
        if (!event.target.matches || !event.target.matches(textareaSelector)) return;
        var files = imagesIn(event.clipboardData);
        if (files.length === 0) return;
        event.preventDefault();
        files.forEach(function (file) { upload(composerOf(event.target), file, true); });
    });
    document.addEventListener("dragover", function (event) {
        if (event.target.matches && event.target.matches(textareaSelector)) event.preventDefault();
    });
    document.addEventListener("drop", function (event) {
        if (!event.target.matches || !event.target.matches(textareaSelector)) return;
        var files = imagesIn(event.dataTransfer);
        if (files.length === 0) return;
        event.preventDefault();
        files.forEach(function (file) { upload(composerOf(event.target), file, true); });
    });
    document.addEventListener("change", function (event) {
        var input = event.target;
        if (!input.matches || !input.matches('form.composer input[type="file"][name="Image"]') || !input.files.length) return;
        var form = composerOf(input);
        Array.prototype.forEach.call(input.files, function (file) { upload(form, file, false); });
        input.value = "";
    });
})();
