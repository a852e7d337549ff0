package com.partnerportal.marketplace;

/**
 * Whether a partner's profile fits a lead ({@code l}): its territory (a country stands for all its
 * regions), portfolio, size focus and certifications. The one home of these rules: the pool reads
 * them for one partner ({@code :p}, {@link Marketplace#RULES}), the prospect's consent page for every
 * partner ({@link Marketplace#fitting}).
 */
final class Fit {

    static final String PARTNER_FITS = """
            l.region in (select rg.code from region rg join partner_region pr
                           on pr.partner_key = :p and pr.region_code in (rg.code, rg.country))
              and l.product in (select pp.product from partner_product pp where pp.partner_key = :p)
              and l.size_class in (select sf.size_class from partner_size_focus sf where sf.partner_key = :p)
              and (l.required_certification is null or l.required_certification in
                       (select c.certification from partner_certification c where c.partner_key = :p))""";

    /** The same rules for the partner of each row ({@code p}) rather than a parameter. */
    static final String EACH_PARTNER_FITS = PARTNER_FITS.replace(":p", "p.partner_key");

    private Fit() {
    }
}
