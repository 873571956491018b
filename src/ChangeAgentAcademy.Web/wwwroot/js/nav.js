// The menu's groups are <details>: they open and close by keyboard and click without this file. It only closes an
// open group on Escape (focus back on its name) or on a click elsewhere, as people expect of a drop-down.
(function () {
    var groups = document.querySelectorAll('.nav-group details');
    if (!groups.length) { return; }
    document.addEventListener('click', function (event) {
        groups.forEach(function (group) {
            if (group.open && !group.contains(event.target)) { group.open = false; }
        });
    });
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape') { return; }
        groups.forEach(function (group) {
            if (group.open) {
                group.open = false;
                group.querySelector('summary').focus();
            }
        });
    });
})();
