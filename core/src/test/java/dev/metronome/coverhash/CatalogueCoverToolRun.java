package dev.metronome.coverhash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link CatalogueCoverTool} through Maven, where the reactor's classpath is at hand:
 * {@code ./mvnw -B -q -o -pl core -am test -Dtest=CatalogueCoverToolRun -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcatalogue.covers="$PWD/src-test-fixtures/src/main/resources/dev/metronome/fixtures/metron/catalogue"}
 * (add {@code -Dcatalogue.covers.check=N} to only verify N covers). Skipped unless the property is set.
 */
class CatalogueCoverToolRun {

    @Test
    @EnabledIfSystemProperty(named = "catalogue.covers", matches = ".+")
    void regenerate() throws Exception {
        String dir = System.getProperty("catalogue.covers");
        String check = System.getProperty("catalogue.covers.check", "");
        CatalogueCoverTool.main(check.isEmpty() ? new String[] {dir} : new String[] {dir, "--check", check});
    }
}
