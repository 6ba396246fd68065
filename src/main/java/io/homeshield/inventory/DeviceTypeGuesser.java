package io.homeshield.inventory;

import static io.homeshield.inventory.DeviceType.CAMERA;
import static io.homeshield.inventory.DeviceType.DESKTOP;
import static io.homeshield.inventory.DeviceType.GAME_CONSOLE;
import static io.homeshield.inventory.DeviceType.IOT;
import static io.homeshield.inventory.DeviceType.LAPTOP;
import static io.homeshield.inventory.DeviceType.NAS;
import static io.homeshield.inventory.DeviceType.PHONE;
import static io.homeshield.inventory.DeviceType.PRINTER;
import static io.homeshield.inventory.DeviceType.SMART_PLUG;
import static io.homeshield.inventory.DeviceType.SPEAKER;
import static io.homeshield.inventory.DeviceType.TABLET;
import static io.homeshield.inventory.DeviceType.THERMOSTAT;
import static io.homeshield.inventory.DeviceType.TV;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Guesses what a device is from the name it gives itself (DHCP hostname) and its manufacturer.
 * The hostname speaks first: an Apple device may be a phone, a laptop or a TV box, but one that
 * calls itself "Alices-iPhone" is a phone. The first matching rule wins.
 */
@ApplicationScoped
public class DeviceTypeGuesser {

    private enum Source {
        HOSTNAME,
        VENDOR
    }

    private record Rule(Source source, Pattern pattern, DeviceType type) {
    }

    // A word: delimited by the start or end, '-', '_', '.', a space or a digit
    private static final String W0 = "(?:^|[-_.\\s\\d])";
    private static final String W1 = "(?:$|[-_.\\s\\d])";

    private static final List<Rule> RULES = List.of(
            hostname("webos|bravia|tizen|roku|chromecast|fire-?tv|apple-?tv|smart-?tv|" + W0 + "tv" + W1, TV),
            hostname("ipad|kindle|galaxy-?tab|" + W0 + "tab" + W1 + "|tablet", TABLET),
            hostname("iphone|android|galaxy|pixel|oneplus|redmi|xperia|" + W0 + "sm-[a-z]\\d|" + W0 + "phone" + W1,
                    PHONE),
            hostname("macbook|laptop|notebook|thinkpad|ideapad|yoga|latitude|xps|surface|zenbook|chromebook", LAPTOP),
            hostname("desktop|imac|mac-?mini|optiplex|workstation|" + W0 + "pc" + W1, DESKTOP),
            hostname("ipcam|camera|webcam|doorbell|" + W0 + "[dn]vr" + W1 + "|" + W0 + "cam" + W1, CAMERA),
            hostname("echo|alexa|homepod|sonos|nest-?(?:audio|mini|hub)|google-?home|speaker|soundbar", SPEAKER),
            hostname("thermostat|nest|ecobee|tado|netatmo", THERMOSTAT),
            hostname("printer|laserjet|officejet|deskjet|pixma|epson|^br[nw][0-9a-f]{12}$|^hp[0-9a-f]{6}$|" + W0 + "mfc"
                    + W1,
                    PRINTER),
            hostname("nintendo|playstation|xbox|" + W0 + "ps[345]" + W1 + "|steam-?deck", GAME_CONSOLE),
            hostname("diskstation|synology|qnap|readynas|mycloud|" + W0 + "nas" + W1, NAS),
            hostname("smart-?plug|" + W0 + "plug" + W1 + "|shelly|tasmota|sonoff|wemo|kasa", SMART_PLUG),
            hostname(W0 + "esp[-_]|esp32|esp8266|vacuum|roborock|roomba", IOT),
            vendor("nintendo|sony interactive", GAME_CONSOLE),
            vendor("hikvision|dahua|axis communications|hanwha|reolink|ring llc|arlo|wyze|amcrest", CAMERA),
            vendor("nest labs|ecobee|tado|netatmo", THERMOSTAT),
            vendor("sonos|bose|amazon technologies", SPEAKER),
            vendor("synology|qnap", NAS),
            vendor("brother|seiko epson|canon|kyocera|lexmark|xerox", PRINTER),
            vendor("roku|vizio|hisense|tcl|lg electronics(?! \\(mobile)", TV),
            vendor("lg electronics \\(mobile|samsung|xiaomi|huawei device|oneplus|oppo|vivo mobile|motorola mobility",
                    PHONE),
            vendor("lcfc|lenovo|dell|intel corporate|asustek|acer", LAPTOP),
            vendor("espressif|tuya|shenzhen bilian", IOT));

    public DeviceType guess(String vendor, String hostname) {
        String host = lower(hostname);
        String maker = lower(vendor);
        for (Rule rule : RULES) {
            String text = rule.source() == Source.HOSTNAME ? host : maker;
            if (text != null && rule.pattern().matcher(text).find()) {
                return rule.type();
            }
        }
        return DeviceType.UNKNOWN;
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Rule hostname(String regex, DeviceType type) {
        return new Rule(Source.HOSTNAME, Pattern.compile(regex), type);
    }

    private static Rule vendor(String regex, DeviceType type) {
        return new Rule(Source.VENDOR, Pattern.compile("\\b(?:" + regex + ")"), type);
    }
}
