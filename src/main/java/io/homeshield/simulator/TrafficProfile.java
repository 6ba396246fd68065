package io.homeshield.simulator;

import static io.homeshield.simulator.Destinations.*;

import java.util.List;

/**
 * How a kind of device uses the internet: the destinations it visits and, for each, the chance
 * that it does so within one reporting interval. Devices that travel with their owners come and go.
 */
enum TrafficProfile {

    IPHONE(true,
            visit(APPLE_PUSH, 0.6), visit(ICLOUD, 0.3), visit(WHATSAPP, 0.5), visit(INSTAGRAM, 0.25),
            visit(SPOTIFY, 0.1), visit(SPOTIFY_AUDIO, 0.15), visit(APPLE_WEATHER, 0.05), visit(NEWS, 0.1),
            visit(IOS_UPDATE, 0.02), visit(APPLE_TIME, 0.03)),
    ANDROID_PHONE(true,
            visit(FIREBASE_PUSH, 0.6), visit(CONNECTIVITY_CHECK, 0.1), visit(WHATSAPP, 0.5), visit(INSTAGRAM, 0.2),
            visit(YOUTUBE, 0.15), visit(YOUTUBE_VIDEO, 0.1), visit(GMAIL, 0.15), visit(PLAY_STORE, 0.05),
            visit(OPEN_METEO, 0.03), visit(ANDROID_TIME, 0.03)),
    WINDOWS_LAPTOP(true,
            visit(WINDOWS_SETTINGS, 0.2), visit(MICROSOFT_LOGIN, 0.1), visit(OUTLOOK, 0.3), visit(TEAMS, 0.15),
            visit(WIKIPEDIA, 0.15), visit(NEWS, 0.15), visit(WINDOWS_UPDATE, 0.03), visit(WINDOWS_TIME, 0.02)),
    MACBOOK(true,
            visit(APPLE_PUSH, 0.4), visit(ICLOUD, 0.3), visit(OUTLOOK, 0.2), visit(WIKIPEDIA, 0.15),
            visit(SPOTIFY_AUDIO, 0.2), visit(IOS_UPDATE, 0.02), visit(APPLE_TIME, 0.03)),
    IPAD(true,
            visit(APPLE_PUSH, 0.4), visit(NETFLIX, 0.1), visit(NETFLIX_VIDEO, 0.2), visit(YOUTUBE_VIDEO, 0.1),
            visit(APPLE_TIME, 0.03)),
    LG_TV(false,
            visit(NETFLIX, 0.15), visit(NETFLIX_VIDEO, 0.4), visit(ZDF_MEDIATHEK, 0.15), visit(LG_CHANNELS, 0.1),
            visit(LG_UPDATE, 0.03), visit(GOOGLE_TIME, 0.02)),
    SAMSUNG_TV(false,
            visit(SAMSUNG_CLOUD, 0.15), visit(YOUTUBE, 0.1), visit(YOUTUBE_VIDEO, 0.4), visit(POOL_TIME, 0.02)),
    NEST_THERMOSTAT(false,
            visit(NEST, 0.8), visit(NEST_LOGS, 0.1), visit(GOOGLE_TIME, 0.02)),
    HP_PRINTER(false,
            visit(HP_EPRINT, 0.3), visit(HP_FIRMWARE, 0.02), visit(POOL_TIME, 0.02)),
    BROTHER_PRINTER(false,
            visit(POOL_TIME, 0.02)),
    HIKVISION_CAMERA(false,
            visit(HIK_CONNECT, 0.7), visit(WINDOWS_TIME, 0.05)),
    ECHO(false,
            visit(ALEXA, 0.8), visit(ALEXA_METRICS, 0.15), visit(AMAZON_MUSIC, 0.1), visit(AMAZON_TIME, 0.03)),
    SYNOLOGY_NAS(false,
            visit(SYNOLOGY_QUICKCONNECT, 0.5), visit(SYNOLOGY_CHECKIP, 0.1), visit(SYNOLOGY_BACKUP, 0.05),
            visit(SYNOLOGY_UPDATE, 0.02), visit(POOL_TIME, 0.02)),
    NINTENDO_SWITCH(true,
            visit(NINTENDO_CHECK, 0.2), visit(NINTENDO_ACCOUNT, 0.1), visit(NINTENDO_UPDATE, 0.03)),
    PLAYSTATION(true,
            visit(PSN, 0.3), visit(PLAYSTATION_UPDATE, 0.03), visit(YOUTUBE_VIDEO, 0.05)),
    SONOS(false,
            visit(SONOS_API, 0.4), visit(SPOTIFY_AUDIO, 0.4)),
    ROBOT_VACUUM(false,
            visit(XIAOMI, 0.7), visit(XIAOMI_API, 0.1), visit(POOL_TIME, 0.02)),
    SENSOR(false,
            visit(MQTT_BROKER, 0.6), visit(POOL_TIME, 0.02)),
    CARD_TERMINAL(false,
            visit(CARD_TMS, 0.05), visit(CARD_PAYMENTS, 0.4)),
    OFFICE_PC(false,
            visit(WINDOWS_SETTINGS, 0.2), visit(OUTLOOK, 0.4), visit(DATEV, 0.3), visit(WINDOWS_UPDATE, 0.02),
            visit(WINDOWS_TIME, 0.02));

    /** One destination and the chance a device visits it within an interval. */
    record Visit(Destination destination, double chance) {
    }

    final boolean comesAndGoes;
    final List<Visit> visits;

    TrafficProfile(boolean comesAndGoes, Visit... visits) {
        this.comesAndGoes = comesAndGoes;
        this.visits = List.of(visits);
    }

    private static Visit visit(Destination destination, double chance) {
        return new Visit(destination, chance);
    }
}
