// Authoring's live preview (/curriculum/admin/.../edit): a file, so the Content-Security-Policy needs no inline scripts.
(() => {
    // Live preview: the server renders (and sanitizes) exactly as it will on publish.
    const form = document.getElementById('lesson-form');
    const source = document.getElementById('Markdown');
    const preview = document.getElementById('preview');
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    let timer;
    source.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const body = new URLSearchParams({ markdown: source.value, __RequestVerificationToken: token });
            const response = await fetch('/curriculum/admin/preview', { method: 'POST', body });
            if (response.ok) { preview.innerHTML = await response.text(); }
        }, 400);
    });
})();
