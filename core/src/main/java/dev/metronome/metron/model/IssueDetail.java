package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The full issue record of {@code issue/{id}/}.
 *
 * @param id            the Metron issue id
 * @param publisher     the publisher (from the series)
 * @param imprint       the imprint, or null
 * @param series        the series
 * @param number        the issue number, as text
 * @param altNumber     the alternate number, may be empty
 * @param title         the collection title (TPB/HC), often empty
 * @param name          the story titles
 * @param coverDate     the cover date, or null
 * @param storeDate     the store date, or null
 * @param focDate       the final-order-cutoff date, or null
 * @param price         the cover price, or null
 * @param priceCurrency the currency code, may be empty
 * @param rating        the age rating
 * @param sku           the distributor code
 * @param isbn          the ISBN, may be empty
 * @param upc           the barcode, as a string
 * @param page          the page count, or null
 * @param desc          the description (may contain markup)
 * @param image         the primary cover URL, or null
 * @param coverHash     the cover's perceptual hash, may be empty
 * @param averageRating the community rating (recent; null in older responses)
 * @param ratingCount   the number of ratings (recent; null in older responses)
 * @param arcs          the story arcs
 * @param credits       the credits, one per creator
 * @param characters    the characters
 * @param teams         the teams
 * @param universes     the universes
 * @param reprints      reprinted issues
 * @param variants      variant covers
 * @param cvId          the Comic Vine id, or null
 * @param gcdId         the Grand Comics Database id, or null
 * @param resourceUrl   the web page (slug URL)
 * @param modified      when Metron last changed the issue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueDetail(Integer id, NamedRef publisher, NamedRef imprint, IssueSeries series, String number,
                          String altNumber, String title, List<String> name, LocalDate coverDate,
                          LocalDate storeDate, LocalDate focDate,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price, String priceCurrency,
                          NamedRef rating, String sku, String isbn, String upc, Integer page, String desc,
                          String image, String coverHash, BigDecimal averageRating, Integer ratingCount,
                          List<ModifiedRef> arcs, List<Credit> credits, List<ModifiedRef> characters,
                          List<ModifiedRef> teams, List<ModifiedRef> universes, List<Reprint> reprints,
                          List<Variant> variants, Integer cvId, Integer gcdId, String resourceUrl,
                          OffsetDateTime modified) {
}
