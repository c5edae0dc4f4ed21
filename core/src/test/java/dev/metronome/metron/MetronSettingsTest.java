package dev.metronome.metron;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetronSettingsTest {

    @Test
    void defaultsAndEnvironment() {
        assertThat(MetronSettings.defaults().baseUrl()).isEqualTo(URI.create("https://metron.cloud/api/"));
        assertThat(MetronSettings.fromEnvironment(Map.of("METRON_URL", "http://127.0.0.1:8080/api")).baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8080/api/"));
        assertThat(MetronSettings.defaults().userAgent()).startsWith("Metronome/").doesNotStartWith("Metronome/dev");
        assertThat(MetronSettings.defaults().burstBudget()).isEqualTo(20);
        assertThat(MetronSettings.defaults().dailyBudget()).isEqualTo(5000);
    }

    @Test
    void aUrlWithCredentialsIsRefused() {
        assertThatThrownBy(() -> MetronSettings.defaults().withBaseUrl(URI.create("https://u:p@metron.cloud/api/")))
                .isInstanceOf(MetronException.class).hasMessageNotContaining("u:p");
    }
}
