/**
 * The PrimeFaces pages' backing beans, one per use case; texts come from the {@code messages} bundle
 * in German and English.
 */
package com.partnerportal.web.ui;
