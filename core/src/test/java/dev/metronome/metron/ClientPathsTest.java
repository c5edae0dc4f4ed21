package dev.metronome.metron;

import dev.metronome.fixtures.metron.Fault;
import dev.metronome.fixtures.metron.RequestLogEntry;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesDetail;
import dev.metronome.metron.model.SeriesListItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every request path end to end against the fake server, with an injected clock. */
class ClientPathsTest {

    private final FakeMetron fake = new FakeMetron();

    @AfterEach
    void stop() {
        fake.close();
    }

    private List<RequestLogEntry> log() {
        return fake.server.requestLog();
    }

    @Test
    void typedCallsReadTheCatalogue() {
        MetronClient client = fake.client();
        IssueDetail issue = client.issue(156270);
        assertThat(issue.series().name()).isEqualTo("Black Cat");
        assertThat(issue.variants()).hasSize(8);
        SeriesDetail series = client.series(1);
        assertThat(series.name()).isEqualTo("Death of the Inhumans");
        List<IssueListItem> ofSeries = client.seriesIssues(1, 0);
        assertThat(ofSeries).hasSize(5).allSatisfy(i -> assertThat(i.series().id()).isEqualTo(1));
        List<IssueListItem> byUpc = client.issues(IssueFilter.create().upc("75960621252100311"), 0);
        assertThat(byUpc).extracting(IssueListItem::id).containsExactly(156270);
        List<SeriesListItem> marvel = client.publisherSeries(1, 0);
        assertThat(marvel).isNotEmpty();
        assertThat(client.publisher(1).name()).isEqualTo("Marvel");
        assertThat(client.character(1).name()).isEqualTo("Black Bolt");
        assertThat(client.characterIssues(1, 0)).isNotEmpty();
    }

    @Test
    void pagesAreWalkedByNextWithAnOptionalCap() {
        MetronClient client = fake.client();
        IssueFilter filter = IssueFilter.create().seriesName("batman");
        int count = client.issuePage(filter).count();
        assertThat(count).isGreaterThan(300);
        int before = log().size();
        assertThat(client.issues(filter, 3)).hasSize(300);
        assertThat(log().size() - before).isEqualTo(3);
        assertThat(log().get(log().size() - 1).pathAndQuery()).isEqualTo("/api/issue/?page=3&series_name=batman");
        List<IssueListItem> all = client.issues(IssueFilter.create().seriesId(1), 0);
        assertThat(all).hasSize(5);
    }

    @Test
    void throttledRequestIsRetriedAfterRetryAfter() {
        MetronClient client = fake.client();
        fake.server.enqueue(Fault.throttled(9));
        assertThat(client.issue(1).id()).isEqualTo(1);
        assertThat(log()).extracting(RequestLogEntry::status).containsExactly(429, 200);
        assertThat(fake.sleeper.waits()).contains(Duration.ofSeconds(9));
        assertThat(client.stats().snapshot().get("issue/{id}/")).containsEntry("429", 1L).containsEntry("200", 1L);
    }

    @Test
    void serverErrorsAndResetsBackOffThenSucceed() {
        MetronClient client = fake.client();
        fake.server.enqueue(Fault.status(503), Fault.reset(), Fault.status(502));
        assertThat(client.issue(1).id()).isEqualTo(1);
        assertThat(fake.sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        assertThat(client.stats().snapshot().get("issue/{id}/"))
                .containsEntry("5xx", 2L).containsEntry("io-error", 1L).containsEntry("200", 1L);
    }

    @Test
    void malformedJsonIsAClearProtocolError() {
        MetronClient client = fake.client();
        fake.server.enqueue(Fault.malformed());
        assertThatThrownBy(() -> client.issue(1)).isInstanceOf(MetronException.class)
                .hasMessage("Metron sent a response that is not the expected JSON for issue/{id}/.");
    }

    @Test
    void wrongCredentialsSendExactlyOneRequestThenFailFast() {
        MetronClient client = fake.client(MetronCredentials.basic(FakeMetron.USER, "wrong")).build();
        assertThatThrownBy(() -> client.issue(1)).isInstanceOf(MetronException.class)
                .hasMessageContaining("check METRON_USER/METRON_PASS or METRON_TOKEN");
        assertThatThrownBy(() -> client.series(1)).isInstanceOf(MetronException.class)
                .extracting(e -> ((MetronException) e).kind()).isEqualTo(MetronException.Kind.AUTH);
        assertThatThrownBy(() -> client.issues(IssueFilter.create().number("1"), 0))
                .isInstanceOf(MetronException.class);
        assertThat(log()).hasSize(1).first().extracting(RequestLogEntry::status).isEqualTo(401);
    }

    @Test
    void notFoundBadRequestAndForbiddenAreNotRetried() {
        MetronClient client = fake.client();
        assertThatThrownBy(() -> client.issue(987654321)).isInstanceOf(MetronException.class)
                .hasMessage("Metron has no issue 987654321 (404).");
        fake.server.enqueue(Fault.status(403));
        assertThatThrownBy(() -> client.issue(1)).extracting(e -> ((MetronException) e).kind())
                .isEqualTo(MetronException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> client.scrobble(987654321, null, null)).extracting(e -> ((MetronException) e).kind())
                .isEqualTo(MetronException.Kind.BAD_REQUEST);
        assertThat(log()).extracting(RequestLogEntry::status).containsExactly(404, 403, 400);
        assertThat(fake.sleeper.waits()).isEmpty();
    }

    @Test
    void conditionalRequestsSendIfModifiedSinceAndUseTheCachedBodyOn304() {
        Map<String, ResponseStore.CachedResponse> memory = new ConcurrentHashMap<>();
        ResponseStore store = new ResponseStore() {
            @Override
            public java.util.Optional<CachedResponse> get(String url) {
                return java.util.Optional.ofNullable(memory.get(url));
            }

            @Override
            public void put(String url, CachedResponse response) {
                memory.put(url, response);
            }
        };
        MetronClient client = fake.client(MetronCredentials.token(FakeMetron.TOKEN)).responseStore(store).build();
        IssueDetail first = client.issue(156270);
        IssueDetail second = client.issue(156270);
        assertThat(second).isEqualTo(first);
        assertThat(client.seriesIssues(1, 0)).hasSize(5);
        assertThat(client.seriesIssues(1, 0)).hasSize(5);
        assertThat(log()).extracting(RequestLogEntry::status).containsExactly(200, 304, 200, 304);
        assertThat(client.stats().snapshot().get("issue/{id}/")).containsEntry("200", 1L).containsEntry("304", 1L);
        // plain lists are never conditional
        client.issues(IssueFilter.create().seriesId(1), 0);
        client.issues(IssueFilter.create().seriesId(1), 0);
        assertThat(log().subList(4, 6)).extracting(RequestLogEntry::status).containsExactly(200, 200);
    }

    @Test
    void aSpentDailyQuotaStopsTheRunInsteadOfSleepingForHours() {
        try (FakeMetron daily = new FakeMetron(dev.metronome.fixtures.metron.FakeMetronServer.builder()
                .daily(3, Duration.ofDays(1)))) {
            MetronClient client = daily.client();
            for (int i = 0; i < 3; i++) {
                client.issue(1);
            }
            assertThatThrownBy(() -> client.issue(1)).isInstanceOf(MetronException.class)
                    .hasMessageStartingWith("Metron's daily request quota is spent; try again after 2026-03-02T12:00");
            assertThat(daily.server.requestLog()).hasSize(3);
            assertThat(daily.sleeper.waits()).isEmpty();
        }
    }

    @Test
    void sendsADistinctiveUserAgent() {
        fake.client().issue(1);
        assertThat(log().get(0).userAgent()).startsWith("Metronome/");
    }
}
