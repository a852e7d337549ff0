package com.partnerportal.it.support;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR exactly as the build packaged it, deployed by Arquillian to the managed WildFly;
 * the tests talk to it from outside, as users and systems do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class PortalDeployment {

    @Deployment(testable = false)
    public static EnterpriseArchive portal() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("portal.ear")));
    }

    @BeforeAll
    static void intakeChecksForTestData() {
        IntakeChecks.relaxForTestData();
    }
}
