package io.homeshield.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The short name people know a maker by ("Hikvision", "Lenovo") from the legal name in the IEEE
 * registry ("Hangzhou Hikvision Digital Technology Co.,Ltd.", "LCFC(HeFei) Electronics Technology co., ltd").
 * Well-known makers by a fragment of their legal name (some build under another company's name);
 * anyone else by their legal name without city, legal form and business words.
 */
final class MakerNames {

    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        for (String[] pair : new String[][] { { "hikvision", "Hikvision" }, { "lcfc", "Lenovo" },
                { "lenovo", "Lenovo" },
                { "apple", "Apple" }, { "samsung", "Samsung" }, { "lg electronics", "LG" }, { "lg innotek", "LG" },
                { "nest labs", "Google Nest" }, { "google", "Google" }, { "hp inc", "HP" },
                { "hewlett packard", "HP" }, { "amazon", "Amazon" }, { "synology", "Synology" },
                { "nintendo", "Nintendo" }, { "sony", "Sony" }, { "sonos", "Sonos" }, { "xiaomi", "Xiaomi" },
                { "dell", "Dell" }, { "brother", "Brother" }, { "espressif", "Espressif" }, { "huawei", "Huawei" },
                { "tp-link", "TP-Link" }, { "avm", "AVM" }, { "raspberry", "Raspberry Pi" }, { "intel", "Intel" },
                { "microsoft", "Microsoft" }, { "dahua", "Dahua" }, { "ubiquiti", "Ubiquiti" },
                { "philips", "Philips" }, { "signify", "Philips Hue" }, { "netatmo", "Netatmo" },
                { "seiko epson", "Epson" }, { "canon", "Canon" }, { "asustek", "ASUS" }, { "tado", "tado°" },
                { "murata", "Murata" }, { "azurewave", "AzureWave" }, { "oneplus", "OnePlus" },
                { "motorola", "Motorola" }, { "bosch", "Bosch" }, { "siemens", "Siemens" }, { "ring llc", "Ring" },
                { "roku", "Roku" }, { "withings", "Withings" }, { "shelly", "Shelly" }, { "tuya", "Tuya" } }) {
            KNOWN.put(pair[0], pair[1]);
        }
    }

    private static final Set<String> PLACES = Set.of("hangzhou", "shenzhen", "beijing", "shanghai", "guangzhou",
            "zhejiang", "xiamen", "qingdao", "dongguan", "suzhou", "wuhan", "chengdu", "nanjing", "fujian", "hefei");
    private static final Set<String> LEGAL_WORDS = Set.of("co", "co.", "co.,ltd", "co.,ltd.", "ltd", "ltd.", "inc",
            "inc.", "incorporated", "corporation", "corp", "corp.", "gmbh", "ag", "kg", "limited", "llc", "l.l.c.",
                    "s.a.",
            "sa", "sas", "s.r.l.", "srl", "b.v.", "bv", "plc", "pte", "pty", "oy", "ab", "as", "a/s", "kk", "k.k.",
            "company", "&", "and", "technology", "technologies", "tech", "electronics", "electronic", "digital",
            "international", "communication", "communications", "holdings", "group", "industries", "industrial",
            "systems", "products", "trading", "manufacturing", "science", "network", "networks", "intelligent",
            "information", "smart", "device", "devices");

    private MakerNames() {
    }

    /** The short name; null when there is no legal name. */
    static String shortName(String legalName) {
        if (legalName == null || legalName.isBlank()) {
            return null;
        }
        String lower = legalName.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> known : KNOWN.entrySet()) {
            if (containsWord(lower, known.getKey())) {
                return known.getValue();
            }
        }
        String firstPart = legalName.split(",")[0].replaceAll("\\(.*?\\)", " ").strip();
        List<String> words = List.of(firstPart.split("\\s+"));
        StringBuilder name = new StringBuilder();
        int kept = 0;
        for (String word : words) {
            String key = word.toLowerCase(Locale.ROOT);
            if (PLACES.contains(key) || LEGAL_WORDS.contains(key) || word.isBlank()) {
                if (kept > 0 && LEGAL_WORDS.contains(key)) {
                    break;
                }
                continue;
            }
            if (kept == 2) {
                break;
            }
            name.append(kept == 0 ? "" : " ").append(readable(word));
            kept++;
        }
        return kept == 0 ? legalName.strip() : name.toString();
    }

    private static boolean containsWord(String text, String fragment) {
        int at = text.indexOf(fragment);
        while (at >= 0) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + fragment.length();
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            at = text.indexOf(fragment, at + 1);
        }
        return false;
    }

    /** "SAMSUNG" reads "Samsung"; short upper-case names ("AVM", "LG") and mixed case stay. */
    private static String readable(String word) {
        if (word.length() > 4 && word.equals(word.toUpperCase(Locale.ROOT))) {
            return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
        }
        return word;
    }
}
