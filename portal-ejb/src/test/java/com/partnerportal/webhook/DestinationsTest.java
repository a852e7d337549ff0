package com.partnerportal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.partnerportal.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Outside the demo and the tests, a webhook never reaches this machine or a private network. */
class DestinationsTest {

    private static String refusal(String url) {
        return assertThrows(InvalidInputException.class, () -> Destinations.check(url), url).errors().get(0).messageKey();
    }

    @Test
    void privateAndLoopbackAddressesAndPlainHttpAreRefused() {
        assertEquals("webhookPrivate", refusal("https://127.0.0.1/hook"));
        assertEquals("webhookPrivate", refusal("https://localhost:8443/hook"));
        assertEquals("webhookPrivate", refusal("https://10.1.2.3/hook"));
        assertEquals("webhookPrivate", refusal("https://192.168.0.10/hook"));
        assertEquals("webhookPrivate", refusal("https://169.254.169.254/latest/meta-data"));
        assertEquals("webhookPrivate", refusal("https://[::1]/hook"));
        assertEquals("webhookPrivate", refusal("https://[fd00::1]/hook"));
        assertEquals("webhookUrl", refusal("http://93.184.215.14/hook"));
        assertEquals("webhookUrl", refusal("ftp://93.184.215.14/hook"));
        assertEquals("webhookUrl", refusal("https://user:pw@93.184.215.14/hook"));
        assertEquals("webhookUrl", refusal("/relative"));
        assertEquals("https://93.184.215.14/hook", Destinations.check("https://93.184.215.14/hook").toString());
    }
}
