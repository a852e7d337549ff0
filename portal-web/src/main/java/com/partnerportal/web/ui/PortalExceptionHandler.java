package com.partnerportal.web.ui;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.NotFoundException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a page does when something goes wrong: a form whose state expired, or was forged or taken
 * from another session, reloads its page with a note instead of failing; a refusal of the business
 * layer shows the portal's "no access" or "not found" page; anything else is logged and shows the
 * portal's error page, never a stack trace.
 */
public class PortalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PortalExceptionHandler.class.getName());

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    /** Registered in {@code faces-config.xml}. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new PortalExceptionHandler(getWrapped().getExceptionHandler());
        }
    }

    @Override
    public void handle() throws FacesException {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            ExceptionQueuedEventContext event = events.next().getContext();
            Throwable error = event.getException();
            try {
                if (has(error, ViewExpiredException.class)
                        || event.getPhaseId() == PhaseId.RESTORE_VIEW && isPost(faces)) {
                    reload(faces);
                } else if (has(error, AccessDeniedException.class)) {
                    faces.getExternalContext().responseSendError(403, null);
                } else if (has(error, NotFoundException.class)) {
                    faces.getExternalContext().responseSendError(404, null);
                } else {
                    continue; // logged and shown as the error page by the wrapped handler
                }
                faces.responseComplete();
                events.remove();
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Could not answer the page's error " + error, e);
            }
        }
        getWrapped().handle();
    }

    /**
     * The same page anew, by GET, with a note why the last action did not happen: the address the
     * page was opened at (its parameters included, as the browser sent it along), else the page.
     */
    private static void reload(FacesContext faces) throws IOException {
        ExternalContext external = faces.getExternalContext();
        FacesMessages.warnAfterRedirect("page.expired");
        String context = external.getRequestContextPath();
        String referer = external.getRequestHeaderMap().get("Referer");
        String page = external.getRequestServletPath();
        String fallback = context + (PortalPage.at(page).isPresent() ? page : PortalPage.HOME.getPath());
        external.redirect(ours(referer) ? referer : fallback);
    }

    /** An address of this portal, as the configured base URL has it; anything else is not followed. */
    private static boolean ours(String address) {
        String base = com.partnerportal.platform.PortalUrl.of("/").toString();
        return address != null && address.startsWith(base) && !address.contains("\r") && !address.contains("\n");
    }

    private static boolean isPost(FacesContext faces) {
        Object request = faces.getExternalContext().getRequest();
        return request instanceof jakarta.servlet.http.HttpServletRequest http && "POST".equals(http.getMethod());
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
