package com.partnerportal.reference;

public record RegionView(String code, String country, Label label) {

    public boolean isCountry() {
        return code.equals(country);
    }
}
