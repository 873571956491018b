// The reflection editor (/reflections/{id}): served as a file so the Content-Security-Policy needs no inline scripts.
(() => {
    // Autosave: every few seconds while typing and on leaving the field. The text is also kept in this
    // browser (localStorage) until the server has it, so an expired session, a dropped network or a
    // closed tab loses nothing: the next visit restores it and saves it.
    const form = document.getElementById('reflection-form');
    if (!form) {
        const page = document.getElementById('reflection-page');
        if (page) localStorage.removeItem(page.dataset.storageKey);
        return;
    }
    const area = document.getElementById('Text');
    const status = document.getElementById('save-status');
    const key = form.dataset.storageKey;
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    const max = parseInt(form.dataset.max, 10);
    const d = form.dataset;
    const texts = { saving: d.textSaving, offline: d.textOffline, signedOut: d.textSignedOut, tooLong: d.textTooLong, restored: d.textRestored, saved: d.textSaved, citizen: d.textCitizen };
    let dirty = false, saving = false, handingIn = false, lastSent = area.value;
    const keep = () => localStorage.setItem(key, JSON.stringify({ text: area.value, at: Date.now() }));
    const stored = (() => { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch { return null; } })();
    const serverSaved = form.dataset.serverSaved ? Date.parse(form.dataset.serverSaved) : 0;
    if (area.value !== area.defaultValue) {
        // Typed before this script ran (it loads last, and slowly on a phone's network): that text is the newest of all.
        dirty = true;
        keep();
    } else if (stored && stored.text !== area.value && stored.text.trim() !== '' && stored.at > serverSaved) {
        area.value = stored.text;
        status.textContent = texts.restored;
        dirty = true;
    } else if (stored && stored.text === area.value) {
        localStorage.removeItem(key);
    }
    async function save() {
        // Once the form is sent (hand-in or draft) it carries the text itself; no autosave races it.
        if (handingIn || !dirty || saving) return;
        if (area.value.length > max) { status.textContent = texts.tooLong; return; }
        saving = true; dirty = false;
        const text = area.value;
        status.textContent = texts.saving;
        try {
            const response = await fetch(form.dataset.draftUrl, {
                method: 'POST', redirect: 'manual', credentials: 'same-origin',
                headers: { 'X-Requested-With': 'fetch' },
                body: new URLSearchParams({ text, __RequestVerificationToken: token }),
            });
            if (response.ok) {
                const body = await response.json();
                status.textContent = texts.saved.replace('{0}', body.saved);
                // The draft is saved either way; what could identify a citizen is named at once, as the hand-in will.
                if (body.citizenData?.length && texts.citizen) { status.textContent += ' ' + texts.citizen.replace('{0}', body.citizenData.join(', ')); }
                lastSent = text;
                if (area.value === text) localStorage.removeItem(key);
            } else if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 400 && !response.headers.get('content-type')?.includes('json')) {
                status.textContent = texts.signedOut; dirty = true;
            } else {
                const body = await response.json().catch(() => null);
                status.textContent = body?.message || texts.offline; dirty = true;
            }
        } catch {
            status.textContent = texts.offline; dirty = true;
        } finally {
            saving = false;
        }
    }
    area.addEventListener('input', () => { dirty = true; keep(); });
    area.addEventListener('blur', save);
    setInterval(save, 4000);
    window.addEventListener('online', save);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(); });
    form.addEventListener('submit', () => { handingIn = true; keep(); });
    if (dirty) save();
    const warning = document.getElementById('citizen-warning') || document.getElementById('errors');
    if (warning) warning.focus();
})();
