// The review page's comment bank (/review/{id}): "Insert" puts the chosen saved comment into the feedback at the
// cursor without a round trip. Without this script the same button posts the form and the server adds the comment.
(() => {
    const button = document.querySelector('[data-insert-comment]');
    const select = document.getElementById('comment');
    const feedback = document.getElementById('feedback');
    if (!button || !select || !feedback) { return; }
    button.addEventListener('click', event => {
        const option = select.options[select.selectedIndex];
        if (!option) { return; }
        event.preventDefault();
        const text = option.dataset.text || '';
        const start = feedback.selectionStart ?? feedback.value.length;
        const end = feedback.selectionEnd ?? feedback.value.length;
        const before = feedback.value.slice(0, start);
        const after = feedback.value.slice(end);
        const gap = before.length === 0 || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
        feedback.value = before + gap + text + after;
        const caret = (before + gap + text).length;
        feedback.focus();
        feedback.setSelectionRange(caret, caret);
    });
})();
