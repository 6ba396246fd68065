package io.homeshield.simulator;

import static io.homeshield.simulator.Destination.tcp;
import static io.homeshield.simulator.Destination.udp;

import io.homeshield.simulator.Destination.Volume;

/**
 * Everyday destinations of home and small-office devices. None of these names or addresses is in
 * the bundled threat feed, so ordinary traffic raises no alert.
 */
final class Destinations {

    private Destinations() {
    }

    // Time
    static final Destination APPLE_TIME = udp("time.apple.com", "17.253.52.125", 123, Volume.TIME);
    static final Destination ANDROID_TIME = udp("time.android.com", "216.239.35.4", 123, Volume.TIME);
    static final Destination WINDOWS_TIME = udp("time.windows.com", "168.61.215.74", 123, Volume.TIME);
    static final Destination GOOGLE_TIME = udp("time.google.com", "216.239.35.8", 123, Volume.TIME);
    static final Destination POOL_TIME = udp("pool.ntp.org", "162.159.200.123", 123, Volume.TIME);
    static final Destination AMAZON_TIME = udp("ntp-g7g.amazon.com", "52.94.236.248", 123, Volume.TIME);

    // Apple
    static final Destination ICLOUD = tcp("gateway.icloud.com", "17.248.213.68", 443, Volume.API);
    static final Destination APPLE_PUSH = tcp("courier.push.apple.com", "17.57.146.52", 5223, Volume.BEACON);
    static final Destination IOS_UPDATE = tcp("mesu.apple.com", "17.253.73.203", 443, Volume.API);
    static final Destination APPLE_WEATHER = tcp("weatherkit.apple.com", "17.253.144.10", 443, Volume.API);

    // Google and Android
    static final Destination CONNECTIVITY_CHECK = tcp("connectivitycheck.gstatic.com", "142.250.185.131", 80,
            Volume.BEACON);
    static final Destination FIREBASE_PUSH = tcp("mtalk.google.com", "64.233.167.188", 5228, Volume.BEACON);
    static final Destination PLAY_STORE = tcp("play.googleapis.com", "142.250.186.74", 443, Volume.API);
    static final Destination YOUTUBE = tcp("www.youtube.com", "142.250.185.238", 443, Volume.WEB);
    static final Destination YOUTUBE_VIDEO = tcp("rr4---sn-4g5e6nsz.googlevideo.com", "173.194.188.73", 443,
            Volume.VIDEO);
    static final Destination GMAIL = tcp("imap.gmail.com", "142.251.9.108", 993, Volume.WEB);

    // Social, messaging, music, news
    static final Destination WHATSAPP = tcp("g.whatsapp.net", "157.240.17.54", 443, Volume.BEACON);
    static final Destination INSTAGRAM = tcp("i.instagram.com", "157.240.0.63", 443, Volume.WEB);
    static final Destination SPOTIFY = tcp("ap-gew4.spotify.com", "35.186.224.25", 443, Volume.API);
    static final Destination SPOTIFY_AUDIO = tcp("audio-ak-spotify-com.akamaized.net", "2.16.186.43", 443,
            Volume.AUDIO);
    static final Destination NEWS = tcp("www.tagesschau.de", "23.38.154.17", 443, Volume.WEB);
    static final Destination WIKIPEDIA = tcp("de.wikipedia.org", "185.15.59.224", 443, Volume.WEB);
    static final Destination OPEN_METEO = tcp("api.open-meteo.com", "51.89.41.226", 443, Volume.API);

    // Microsoft
    static final Destination WINDOWS_SETTINGS = tcp("settings-win.data.microsoft.com", "20.42.73.29", 443, Volume.API);
    static final Destination MICROSOFT_LOGIN = tcp("login.microsoftonline.com", "20.190.159.2", 443, Volume.API);
    static final Destination OUTLOOK = tcp("outlook.office365.com", "52.97.212.242", 443, Volume.WEB);
    static final Destination TEAMS = tcp("teams.microsoft.com", "52.113.194.132", 443, Volume.AUDIO);
    static final Destination WINDOWS_UPDATE = tcp("download.windowsupdate.com", "13.107.4.50", 80, Volume.DOWNLOAD);

    // Streaming and TVs
    static final Destination NETFLIX = tcp("www.netflix.com", "54.155.178.5", 443, Volume.API);
    static final Destination NETFLIX_VIDEO = tcp("ipv4-c001-fra002-ix.1.oca.nflxvideo.net", "45.57.90.1", 443,
            Volume.VIDEO);
    static final Destination LG_UPDATE = tcp("snu.lge.com", "52.28.190.44", 443, Volume.API);
    static final Destination LG_CHANNELS = tcp("de.lgtvsdp.com", "3.120.84.36", 443, Volume.API);
    static final Destination SAMSUNG_CLOUD = tcp("api.samsungcloud.tv", "3.66.9.213", 443, Volume.API);
    static final Destination ZDF_MEDIATHEK = tcp("zdfvod-a.akamaihd.net", "2.16.186.72", 443, Volume.VIDEO);

    // Home devices
    static final Destination NEST = tcp("frontdoor.nest.com", "34.120.115.102", 443, Volume.BEACON);
    static final Destination NEST_LOGS = tcp("logsink.home.nest.com", "34.102.186.76", 443, Volume.API);
    static final Destination ALEXA = tcp("avs-alexa-4-eu.amazon.com", "52.94.233.131", 443, Volume.BEACON);
    static final Destination ALEXA_METRICS = tcp("device-metrics-us-2.amazon.com", "54.239.31.128", 443, Volume.API);
    static final Destination AMAZON_MUSIC = tcp("dmwsrjyhvkd0o.cloudfront.net", "18.66.102.41", 443, Volume.AUDIO);
    static final Destination HP_EPRINT = tcp("xmpp003.hpeprint.com", "15.72.181.183", 5223, Volume.BEACON);
    static final Destination HP_FIRMWARE = tcp("h10141.www1.hp.com", "15.73.175.10", 443, Volume.API);
    static final Destination HIK_CONNECT = tcp("litedev.hik-connect.com", "52.58.234.104", 443, Volume.BEACON);
    static final Destination SYNOLOGY_CHECKIP = tcp("checkip.synology.com", "52.28.146.72", 80, Volume.BEACON);
    static final Destination SYNOLOGY_QUICKCONNECT = tcp("global.quickconnect.to", "3.125.242.190", 443,
            Volume.BEACON);
    static final Destination SYNOLOGY_UPDATE = tcp("update7.synology.com", "13.35.58.91", 443, Volume.API);
    static final Destination SYNOLOGY_BACKUP = tcp("c2-de.synology.com", "3.125.104.203", 443, Volume.UPLOAD);
    static final Destination NINTENDO_CHECK = tcp("ctest.cdn.nintendo.net", "23.218.212.192", 80, Volume.BEACON);
    static final Destination NINTENDO_ACCOUNT = tcp("dauth-lp1.ndas.srv.nintendo.net", "34.225.177.134", 443,
            Volume.API);
    static final Destination NINTENDO_UPDATE = tcp("atum.hac.lp1.d4c.nintendo.net", "23.55.160.137", 443,
            Volume.DOWNLOAD);
    static final Destination PSN = tcp("psn-rsc.prod.dl.playstation.net", "23.55.161.20", 443, Volume.API);
    static final Destination PLAYSTATION_UPDATE = tcp("gs2.ww.prod.dl.playstation.net", "23.55.161.34", 443,
            Volume.DOWNLOAD);
    static final Destination SONOS_API = tcp("api.sonos.com", "54.93.160.52", 443, Volume.BEACON);
    static final Destination XIAOMI = udp("ot.io.mi.com", "3.126.239.45", 8053, Volume.BEACON);
    static final Destination XIAOMI_API = tcp("de.api.io.mi.com", "3.125.159.8", 443, Volume.API);

    // Small business
    static final Destination CARD_PAYMENTS = tcp("terminal.ccv.eu", "185.55.174.33", 443, Volume.API);
    static final Destination CARD_TMS = tcp("tms.ccv.eu", "185.55.174.40", 443, Volume.API);
    static final Destination DATEV = tcp("www.datev.de", "193.27.50.102", 443, Volume.WEB);
    static final Destination MQTT_BROKER = tcp("eu1.cloud.thethings.network", "52.212.223.226", 8883, Volume.BEACON);
}
