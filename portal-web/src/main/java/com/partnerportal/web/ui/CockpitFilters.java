package com.partnerportal.web.ui;

import com.partnerportal.cockpit.CockpitQuery;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cockpit's filters as the address holds them ({@code from}, {@code to}, {@code partner},
 * {@code region}, {@code product}, {@code campaign}), so that a view can be bookmarked and shared,
 * and the drill-down's number ({@code stage}, {@code lossReason}, {@code returnReason}, {@code breached}).
 */
public class CockpitFilters implements Serializable {

    private String from;
    private String to;
    private String partner;
    private String region;
    private String product;
    private String campaign;
    private String stage;
    private String lossReason;
    private String returnReason;
    private String breached;

    public CockpitQuery query() {
        return new CockpitQuery(from, to, partner, region, product, campaign, stage, lossReason, returnReason, breached);
    }

    /** The filters (not the drill-down) as query parameters, with {@code extra} ({@code stage=WON}) after them. */
    public String parameters(String extra) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from);
        values.put("to", to);
        values.put("partner", partner);
        values.put("region", region);
        values.put("product", product);
        values.put("campaign", campaign);
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        if (extra != null && !extra.isBlank()) {
            query.append(query.isEmpty() ? "" : "&").append(extra);
        }
        return query.toString();
    }

    /** The same filters with {@code name} ({@code partner}, {@code region}, {@code product}, {@code campaign}) set to {@code value}. */
    public CockpitFilters with(String name, String value) {
        CockpitFilters copy = new CockpitFilters();
        copy.from = from;
        copy.to = to;
        copy.partner = "partner".equals(name) ? value : partner;
        copy.region = "region".equals(name) ? value : region;
        copy.product = "product".equals(name) ? value : product;
        copy.campaign = "campaign".equals(name) ? value : campaign;
        return copy;
    }

    public boolean isDrilled() {
        return stage != null || lossReason != null || returnReason != null || breached != null;
    }

    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getPartner() { return partner; }
    public void setPartner(String partner) { this.partner = partner; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getProduct() { return product; }
    public void setProduct(String product) { this.product = product; }
    public String getCampaign() { return campaign; }
    public void setCampaign(String campaign) { this.campaign = campaign; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public String getLossReason() { return lossReason; }
    public void setLossReason(String lossReason) { this.lossReason = lossReason; }
    public String getReturnReason() { return returnReason; }
    public void setReturnReason(String returnReason) { this.returnReason = returnReason; }
    public String getBreached() { return breached; }
    public void setBreached(String breached) { this.breached = breached; }
}
