package dev.metronome.metron;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Adds the Authorization and User-Agent headers, last before the transport. The secret never leaves this layer:
 * it is not logged and not put in the {@link Request} other layers see.
 */
public final class AuthLayer implements Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(AuthLayer.class);

    private final MetronCredentials credentials;
    private final String userAgent;
    private final Exchange next;

    /**
     * Creates the layer.
     *
     * @param credentials the account
     * @param userAgent   the User-Agent to send
     * @param next        the transport
     */
    public AuthLayer(MetronCredentials credentials, String userAgent, Exchange next) {
        this.credentials = credentials;
        this.userAgent = userAgent;
        this.next = next;
    }

    @Override
    public Response send(Request request) throws IOException {
        LOG.trace("{} as {} (User-Agent {})", request, credentials, userAgent);
        return next.send(request.withHeader("User-Agent", userAgent)
                .withHeader("Authorization", credentials.authorizationHeader()));
    }
}
