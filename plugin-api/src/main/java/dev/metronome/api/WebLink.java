package dev.metronome.api;

/**
 * A web page about the issue.
 *
 * @param url     the address
 * @param primary whether it is the primary source's page (at most one)
 */
public record WebLink(String url, boolean primary) {

    /** Trims the address. */
    public WebLink {
        url = Values.text(url);
    }

    /** A non-primary link. */
    public static WebLink of(String url) {
        return new WebLink(url, false);
    }

    /** This link, not primary. */
    public WebLink withPrimaryCleared() {
        return new WebLink(url, false);
    }
}
