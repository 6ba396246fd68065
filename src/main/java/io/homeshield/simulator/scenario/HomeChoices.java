package io.homeshield.simulator.scenario;

import java.util.SplittableRandom;

/** What a household happens to own and use: vendors, providers, habits. */
record HomeChoices(Internet.Service speakerCloud, Internet.Service cameraCloud, Internet.Service tvCloud,
        Internet.Service thermostatCloud, Internet.Service backupCloud, Internet.Service dynamicDns,
        String vpnGateway, boolean developer, boolean continuousRecording) {

    static HomeChoices pick(SplittableRandom random) {
        return new HomeChoices(
                pick(random, Internet.ALEXA, Internet.GOOGLE_HOME, Internet.SONOS),
                pick(random, Internet.HIKVISION, Internet.REOLINK, Internet.RING),
                pick(random, Internet.SAMSUNG_TV, Internet.LG_TV),
                pick(random, Internet.TADO, Internet.NETATMO),
                pick(random, Internet.SYNOLOGY_C2, Internet.BACKBLAZE),
                pick(random, Internet.SYNOLOGY_DDNS, Internet.DUCKDNS),
                random.nextInt(4) == 0 ? Internet.randomPublicAddress(random) : null,
                random.nextInt(3) == 0,
                random.nextInt(3) == 0);
    }

    private static Internet.Service pick(SplittableRandom random, Internet.Service... options) {
        return options[random.nextInt(options.length)];
    }
}
