package dev.metronome.filename;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our own file-name cases for issue 4: issue-number forms, numbers in series names, four-digit issues
 * versus years, volumes, counts, titles, flags, scene names and folder context. {@code -} means "not found".
 */
class FilenameParserCasesTest {

    private static final FilenameParser PARSER = new FilenameParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # issue-number forms
            Batman 001.cbz                                            | Batman                    | 1        | -    | -    | -  | -                 | -
            Batman #7.cbr                                             | Batman                    | 7        | -    | -    | -  | -                 | -
            Batman 015 (2017).cb7                                     | Batman                    | 15       | -    | 2017 | -  | -                 | -
            Nightwing #0.5 (2016).cbz                                 | Nightwing                 | 0.5      | -    | 2016 | -  | -                 | -
            Blue Beetle #1.5.cbz                                      | Blue Beetle               | 1.5      | -    | -    | -  | -                 | -
            Teen Titans 1½ (2003).cbz                                 | Teen Titans               | 1½       | -    | 2003 | -  | -                 | -
            Blue Beetle 1/2.cbz                                       | Blue Beetle               | ½        | -    | -    | -  | -                 | -
            Wizard #1/2 (1998).cbz                                    | Wizard                    | ½        | -    | 1998 | -  | -                 | -
            Batman #0 (1994).cbz                                      | Batman                    | 0        | -    | 1994 | -  | -                 | -
            Wolverine 000 (1997) (c2c).cbz                            | Wolverine                 | 0        | -    | 1997 | -  | -                 | C2C
            Avengers #-1 (1997).cbz                                   | Avengers                  | -1       | -    | 1997 | -  | -                 | -
            Infinite Crisis #∞.cbz                                    | Infinite Crisis           | ∞        | -    | -    | -  | -                 | -
            Avengers #1.MU (2015).cbz                                 | Avengers                  | 1.MU     | -    | 2015 | -  | -                 | -
            Uncanny X-Men 1.MU (2015).cbz                             | Uncanny X-Men             | 1.MU     | -    | 2015 | -  | -                 | -
            Star Wars 5AU (2019).cbz                                  | Star Wars                 | 5AU      | -    | 2019 | -  | -                 | -
            Amazing Spider-Man #5AU.cbz                               | Amazing Spider-Man        | 5AU      | -    | -    | -  | -                 | -
            Nova 12b.cbz                                              | Nova                      | 12b      | -    | -    | -  | -                 | -
            Miles Morales 1.LR (2019).cbz                             | Miles Morales             | 1.LR     | -    | 2019 | -  | -                 | -
            Infinity Gauntlet #1-6 (1991).cbz                         | Infinity Gauntlet         | 1-6      | -    | 1991 | -  | -                 | -
            Crisis on Infinite Earths #1-12 (1985).cbz                | Crisis on Infinite Earths | 1-12     | -    | 1985 | -  | -                 | -
            Watchmen 001-012 (1986).cbz                               | Watchmen                  | 1-12     | -    | 1986 | -  | -                 | -
            X-Men Annual '95.cbz                                      | X-Men Annual              | 1995     | -    | 1995 | -  | -                 | ANNUAL
            Spider-Man Annual '97.cbz                                 | Spider-Man Annual         | 1997     | -    | 1997 | -  | -                 | ANNUAL
            # four-digit issue numbers versus years
            Action Comics 1000 (2018) (Digital).cbz                   | Action Comics             | 1000     | -    | 2018 | -  | -                 | DIGITAL
            Action Comics #1000.cbz                                   | Action Comics             | 1000     | -    | -    | -  | -                 | -
            Detective Comics 1027 (2020).cbz                          | Detective Comics          | 1027     | -    | 2020 | -  | -                 | -
            2000 AD Prog 2150 (2019).cbz                              | 2000 AD                   | 2150     | -    | 2019 | -  | -                 | -
            2000 AD 2300 (2022).cbz                                   | 2000 AD                   | 2300     | -    | 2022 | -  | -                 | -
            Blade Runner Free Comic Book Day 2021 (2021).cbz          | Blade Runner Free Comic Book Day 2021 | - | - | 2021 | - | -              | FCBD
            # series names that contain numbers
            100 Bullets 001 (1999).cbz                                | 100 Bullets               | 1        | -    | 1999 | -  | -                 | -
            100 Bullets #1.cbz                                        | 100 Bullets               | 1        | -    | -    | -  | -                 | -
            100 Bullets 050 (2004).cbz                                | 100 Bullets               | 50       | -    | 2004 | -  | -                 | -
            52 #1 (2006).cbz                                          | 52                        | 1        | -    | 2006 | -  | -                 | -
            52 #52 (2007).cbz                                         | 52                        | 52       | -    | 2007 | -  | -                 | -
            52 Aftermath - The Four Horsemen 01 (of 06) (2007).cbz    | 52 Aftermath - The Four Horsemen | 1 | -  | 2007 | 6  | -                 | -
            Spider-Man 2099 001 (1992).cbz                            | Spider-Man 2099           | 1        | -    | 1992 | -  | -                 | -
            Spider-Man 2099 #25 (1994).cbz                            | Spider-Man 2099           | 25       | -    | 1994 | -  | -                 | -
            Spider-Man 2099 (1992).cbz                                | Spider-Man 2099           | -        | -    | 1992 | -  | -                 | -
            Star Wars - IG-88 (2021).cbz                              | Star Wars - IG-88         | -        | -    | 2021 | -  | -                 | -
            Star Wars - IG-88 #1 (2021).cbz                           | Star Wars - IG-88         | 1        | -    | 2021 | -  | -                 | -
            Blade Runner 2019 #1 (2019).cbz                           | Blade Runner 2019         | 1        | -    | 2019 | -  | -                 | -
            The Magic Order 2 06 (2022).cbz                           | The Magic Order 2         | 6        | -    | 2022 | -  | -                 | -
            # volumes
            X-Men v2 #1 (1991) (c2c).cbr                              | X-Men                     | 1        | 2    | 1991 | -  | -                 | C2C
            Daredevil v6 012 (2019).cbz                               | Daredevil                 | 12       | 6    | 2019 | -  | -                 | -
            Thor Vol. 5 #1 (2018).cbz                                 | Thor                      | 1        | 5    | 2018 | -  | -                 | -
            Hulk Volume 3 001 (2008).cbz                              | Hulk                      | 1        | 3    | 2008 | -  | -                 | -
            Fantastic Four Vol.3 #60 (2002).cbz                       | Fantastic Four            | 60       | 3    | 2002 | -  | -                 | -
            Daredevil (2019) 001 (2019).cbz                           | Daredevil                 | 1        | 2019 | 2019 | -  | -                 | -
            # counts and titles
            Batman - The Long Halloween 01 (of 13) (1996).cbz         | Batman - The Long Halloween | 1      | -    | 1996 | 13 | -                 | -
            Hellboy 01 of 04 (1994).cbz                               | Hellboy                   | 1        | -    | 1994 | 4  | -                 | -
            Y The Last Man 001 (of 060) (2002).cbz                    | Y The Last Man            | 1        | -    | 2002 | 60 | -                 | -
            Series - 195 - Title.cbz                                  | Series                    | 195      | -    | -    | -  | Title             | -
            The Walking Dead 100 - Something to Fear (2012).cbz       | The Walking Dead          | 100      | -    | 2012 | -  | Something to Fear | -
            East of West 001 - The Promise (2013).cbz                 | East of West              | 1        | -    | 2013 | -  | The Promise       | -
            Cyberpunk 2077 - Trauma Team 001 (2020).cbz               | Cyberpunk 2077            | 1        | -    | 2020 | -  | Trauma Team       | -
            # flags
            Saga v01 (2012) (Digital TPB).cbz                         | Saga                      | 1        | 1    | 2012 | -  | -                 | TPB DIGITAL
            Saga TPB 3 (2014).cbz                                     | Saga                      | 3        | -    | 2014 | -  | -                 | TPB
            Invincible Omnibus v01 (2011).cbz                         | Invincible Omnibus        | 1        | 1    | 2011 | -  | -                 | OMNIBUS
            Watchmen HC (2005).cbz                                    | Watchmen                  | -        | -    | 2005 | -  | -                 | HC
            Bone GN 01 (2005).cbz                                     | Bone                      | 1        | -    | 2005 | -  | -                 | GN
            Spawn One-Shot (2019).cbz                                 | Spawn One-Shot            | -        | -    | 2019 | -  | -                 | ONE_SHOT
            Marvel Holiday Special 001 (2011).cbz                     | Marvel Holiday Special    | 1        | -    | 2011 | -  | -                 | SPECIAL
            Avengers FCBD 2019 (Marvel).cbz                           | Avengers                  | -        | -    | 2019 | -  | -                 | FCBD
            Batman Annual #1 (2017).cbz                               | Batman Annual             | 1        | -    | 2017 | -  | -                 | ANNUAL
            # scene names
            Amazing Spider-Man 001 (2018) (Digital) (Zone-Empire).cbz | Amazing Spider-Man        | 1        | -    | 2018 | -  | -                 | DIGITAL
            Amazing.Spider-Man.001.2018.Digital.Zone-Empire.cbz       | Amazing Spider-Man        | 1        | -    | 2018 | -  | -                 | DIGITAL
            Detective_Comics_027_(1939)_(c2c).cbz                     | Detective Comics          | 27       | -    | 1939 | -  | -                 | C2C
            Batman%20001%20%282016%29.cbz                             | Batman                    | 1        | -    | 2016 | -  | -                 | -
            Deadpool 001 (July 2008).cbz                              | Deadpool                  | 1        | -    | 2008 | -  | -                 | -
            Wonder Woman 750 (March 2020) (Webrip).cbz                | Wonder Woman              | 750      | -    | 2020 | -  | -                 | DIGITAL
            Invincible No. 25 (2005).cbz                              | Invincible                | 25       | -    | 2005 | -  | -                 | -
            Transformers Issue 7 (2019).cbz                           | Transformers              | 7        | -    | 2019 | -  | -                 | -
            Saga Chapter 54.cbz                                       | Saga                      | 54       | -    | -    | -  | -                 | -
            """)
    void parsesName(String name, String series, String issue, Integer volume, Integer year, Integer count,
            String title, String flags) {
        ParsedName p = PARSER.parse(name);
        assertThat(p.series().value()).as("series").isEqualTo(series);
        assertThat(p.issue().present() ? p.issue().value().normalized() : null).as("issue").isEqualTo(issue);
        assertThat(p.volume().value()).as("volume").isEqualTo(volume);
        assertThat(p.year().value()).as("year").isEqualTo(year);
        assertThat(p.issueCount().value()).as("issue count").isEqualTo(count);
        assertThat(p.title().value()).as("title").isEqualTo(title);
        assertThat(p.flags()).as("flags").isEqualTo(flags(flags));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Amazing Spider-Man 001 (2018) (Digital) (Zone-Empire).cbz | Zone-Empire      | -
            Hawkeye 001 (2012) [Minutemen-Slayer].cbz                 | Minutemen-Slayer | -
            Batman 050 (2018) (Variant Cover) (Zone-Empire).cbz       | Zone-Empire      | Variant Cover
            Saga 001 (2012) (3 covers) (Digital).cbz                  | -                | 3 covers
            Black Widow 001 (2020) (digital-Empire).cbz               | Empire           | -
            """)
    void findsScanGroupAndVariantHints(String name, String scanGroup, String variant) {
        ParsedName p = PARSER.parse(name);
        assertThat(p.scanGroup().value()).isEqualTo(scanGroup);
        assertThat(p.variantHints()).isEqualTo(variant == null ? java.util.List.of() : java.util.List.of(variant));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Sex Criminals 001 (2013) (Digital) (2048px) (Zone-Empire).cbz | 2048px | -
            Captain America 025 (2007) (Digital) -- bonus pages.cbz       | -      | bonus pages
            Green Lantern #1 (1990) (DC).cbz                              | -      | -
            """)
    void keepsOtherInformation(String name, String tag, String remainder) {
        ParsedName p = PARSER.parse(name);
        assertThat(p.tags()).isEqualTo(tag == null ? java.util.List.of() : java.util.List.of(tag));
        assertThat(p.remainder()).isEqualTo(remainder == null ? "" : remainder);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            comics/DC Comics/Batman (2016)/Batman 001 (2016).cbz | Batman     | 1  | 2016 | 2016 | DC Comics
            comics/Batman (2016)/001.cbz                         | Batman     | 1  | 2016 | 2016 | -
            lib/Image/Saga (2012)/Issue 12.cbz                   | Saga       | 12 | 2012 | 2012 | Image
            x/Saga v2/003.cbz                                    | Saga       | 3  | 2    | -    | -
            x/Marvel/Daredevil (2019)/Daredevil 012.cbz          | Daredevil  | 12 | 2019 | 2019 | Marvel
            x/Vertigo/Sandman/Sandman 001 (1989).cbz             | Sandman    | 1  | -    | 1989 | Vertigo
            Comics/52 (2006)/52 #01 (2006).cbz                   | 52         | 1  | 2006 | 2006 | -
            x/Batman (2016)/#52.cbz                              | Batman     | 52 | 2016 | 2016 | -
            Mylar/Batman (2016)/Batman 050 (2018).cbz            | Batman     | 50 | 2016 | 2018 | -
            y/Batman (1940)/Detective Comics 027 (1939).cbz      | Detective Comics | 27 | - | 1939 | -
            Publishers/Batman (2011)/Batman - Annual 01.cbz      | Batman - Annual | 1 | - | -  | -
            """)
    void usesFolderContext(String path, String series, String issue, Integer volume, Integer year,
            String publisher) {
        ParsedName p = PARSER.parse(Path.of(path));
        assertThat(p.series().value()).as("series").isEqualTo(series);
        assertThat(p.issue().value().normalized()).as("issue").isEqualTo(issue);
        assertThat(p.volume().value()).as("volume").isEqualTo(volume);
        assertThat(p.year().value()).as("year").isEqualTo(year);
        assertThat(p.publisher().value()).as("publisher").isEqualTo(publisher);
        assertThat(p.folders()).isNotEmpty();
    }

    private static Set<ParseFlag> flags(String names) {
        EnumSet<ParseFlag> set = EnumSet.noneOf(ParseFlag.class);
        if (names != null) {
            Arrays.stream(names.split(" ")).map(ParseFlag::valueOf).forEach(set::add);
        }
        return set;
    }
}
