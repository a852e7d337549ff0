/*
 * A click whose session is gone - it expired, or the server that held it stopped and the balancer sent the
 * click to another - is answered 401: the portal does not send an AJAX request to the login page
 * (autodetect-bearer-only in oidc.json). The page is then loaded anew, which signs the user in again through
 * Keycloak's single sign-on (no password while that lasts) and shows the page with a note that the last
 * action did not happen. What was saved before is kept; what was typed into the page and not saved is not.
 */
(function () {
    var KEY = 'portal.sessionRenewed';
    $(document).on('pfAjaxError', function (event, xhr) { // PrimeFaces' own event: its requests are not global to jQuery
        if (xhr.status === 401) {
            try { window.sessionStorage.setItem(KEY, '1'); } catch (e) { /* private mode: no note */ }
            window.location.assign(window.location.href);
        }
    });
    $(function () {
        try {
            if (window.sessionStorage.getItem(KEY)) {
                window.sessionStorage.removeItem(KEY);
                $('#sessionRenewed').prop('hidden', false);
            }
        } catch (e) { /* no storage, no note */ }
    });
})();
