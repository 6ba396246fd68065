package io.homeshield.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VendorCsvTest {

    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        VendorCsv.read(csv, rows::add);
        return rows;
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() {
        String csv = "Registry,Assignment,Organization Name,Organization Address\r\n"
                + "MA-L,3C22FB,\"Apple, Inc.\",1 Infinite Loop Cupertino CA US 95014 \r\n"
                + "MA-L,001EFC,\"JSC \"\"MASSA-K\"\"\",\"15, A, Pirogovskaya nab.\"\r\n"
                + "MA-L,C404D8,Aviva Links Inc.,\"160 E Tasman Dr\nSTE 102 SAN JOSE\"\r\n"
                + "MA-M,741AE09,Private,\r\n"
                + "MA-L,E0CA3C,Hikvision,\"No.555 Qianmo Road\"";

        List<List<String>> rows = parse(csv);

        assertEquals(6, rows.size());
        assertEquals(List.of("MA-L", "3C22FB", "Apple, Inc.", "1 Infinite Loop Cupertino CA US 95014 "), rows.get(1));
        assertEquals(List.of("MA-L", "001EFC", "JSC \"MASSA-K\"", "15, A, Pirogovskaya nab."), rows.get(2));
        assertEquals("160 E Tasman Dr\nSTE 102 SAN JOSE", rows.get(3).get(3));
        assertEquals(List.of("MA-M", "741AE09", "Private", ""), rows.get(4));
        assertEquals(List.of("MA-L", "E0CA3C", "Hikvision", "No.555 Qianmo Road"), rows.get(5));
    }

    @Test
    void aQuoteOpeningTheFieldMayBeFollowedByAnEscapedQuote() {
        assertEquals(List.of(List.of("MA-L", "001ECB", "\"RPC \"Energoautomatika\" Ltd")),
                parse("MA-L,001ECB,\"\"\"RPC \"\"Energoautomatika\"\" Ltd\"\n"));
    }
}
