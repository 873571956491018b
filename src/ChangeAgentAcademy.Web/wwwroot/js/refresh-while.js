// A list marked data-refresh-while (an export being prepared) fetches its own page again every few seconds and
// swaps in the new list, so the Download button appears without a reload. It stops when the new list no longer
// carries the mark, after ten minutes, or when the fetch fails; without this file a reload does the same.
(function () {
    var started = Date.now();
    function tick() {
        var list = document.querySelector('[data-refresh-while]');
        if (!list || !list.id || Date.now() - started > 600000) { return; }
        fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (!html) { return; }
                var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(list.id);
                if (!fresh) { return; }
                list.replaceWith(document.importNode(fresh, true));
                if (fresh.hasAttribute('data-refresh-while')) { setTimeout(tick, 3000); }
            })
            .catch(function () { });
    }
    setTimeout(tick, 2000);
})();
