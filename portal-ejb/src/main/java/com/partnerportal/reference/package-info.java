/**
 * The catalogues every other capability refers to by code: regions (ISO 3166-2), products,
 * certifications, loss and return reasons, each labelled in German and English.
 */
package com.partnerportal.reference;
