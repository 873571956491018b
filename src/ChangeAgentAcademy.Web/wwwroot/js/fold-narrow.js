// Long reference blocks marked data-fold-narrow (a rubric, its guidance) are <details open>: readable without
// JavaScript. On a phone this closes them once when the page loads, so the form below is not screens away; the
// person opens them with one tap. Safe to include several times on a page.
(function () {
    if (window.caaFoldNarrow) { return; }
    window.caaFoldNarrow = true;
    function fold() {
        if (!window.matchMedia('(max-width: 40rem)').matches) { return; }
        document.querySelectorAll('details[data-fold-narrow][open]').forEach(function (d) { d.removeAttribute('open'); });
    }
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', fold); } else { fold(); }
})();
