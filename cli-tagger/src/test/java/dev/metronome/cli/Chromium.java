package dev.metronome.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Debian's headless chromium and its chromedriver for the browser tests, without Selenium Manager (which would try to
 * download a browser): the binaries are given explicitly. Absent, the tests are skipped with one line, unless
 * {@code METRONOME_BROWSER_TESTS=required} (CI), where they fail.
 */
final class Chromium {

    /** The environment variable that makes an absent browser a failure. */
    static final String REQUIRED = "METRONOME_BROWSER_TESTS";

    private Chromium() {
    }

    /**
     * Starts a headless chromium with a fresh profile, or skips (or fails) the test when there is none.
     *
     * @param profile an empty folder for the browser's profile
     * @return the driver; quit it when done
     */
    static ChromeDriver start(Path profile) {
        Optional<Path> browser = find("chromium", "chromium-browser");
        Optional<Path> driver = find("chromedriver");
        if (browser.isEmpty() || driver.isEmpty()) {
            String line = "Browser tests skipped: chromium or chromedriver not found (apt-get install chromium"
                    + " chromium-driver); " + REQUIRED + "=required makes this a failure";
            if ("required".equalsIgnoreCase(System.getenv(REQUIRED))) {
                Assertions.fail(line.replace("skipped", "cannot run") + " (it is required here)");
            }
            System.out.println(line);
            Assumptions.abort(line);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> find(String... names) {
        for (String name : names) {
            Path usrBin = Path.of("/usr/bin", name);
            if (Files.isExecutable(usrBin)) {
                return Optional.of(usrBin);
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
