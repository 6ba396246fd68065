package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

class AdblockHostFeedTest {

    private static IndicatorSet read(String feed) throws IOException {
        IndicatorSet.Builder builder = IndicatorSet.builder();
        AdblockHostFeed.read(new BufferedReader(new StringReader(feed)), "test", builder);
        return builder.build();
    }

    @Test
    void bareHostsAndIpsAreIndicatorsAndCommentsAreNot() throws IOException {
        IndicatorSet set = read("""
                ! Title: Online Malicious URL Blocklist
                1.1.104.12
                zidomasones.com
                ||c2.example-bad.net^
                """);
        assertEquals(3, set.size());
        assertEquals(IndicatorKind.IP, set.match(IpAddress.of("1.1.104.12")).orElseThrow().kind());
        assertEquals("zidomasones.com", set.match(DomainName.of("zidomasones.com")).orElseThrow().value());
        assertTrue(set.match(DomainName.of("c2.example-bad.net")).isPresent());
    }

    @Test
    void subdomainsOfAListedNameMatchButItsParentDoesNot() throws IOException {
        IndicatorSet set = read("zhengxinpeixun.oss-cn-qingdao.aliyuncs.com\n");
        assertEquals("zhengxinpeixun.oss-cn-qingdao.aliyuncs.com",
                set.match(DomainName.of("A.B.Zhengxinpeixun.oss-cn-qingdao.aliyuncs.com.")).orElseThrow().value());
        assertTrue(set.match(DomainName.of("oss-cn-qingdao.aliyuncs.com")).isEmpty());
        assertTrue(set.match(DomainName.of("aliyuncs.com")).isEmpty());
    }

    @Test
    void aUrlRuleOnASharedHostDoesNotCondemnTheHostButOneOnAnAddressDoes() throws IOException {
        IndicatorSet set = read("""
                ||github.com/someone/tool/raw/main/payload.exe^$all
                ||drive.google.com/uc?export=download&id=145b1fbjtyee3w1rjsazo7hzcoiiaxzum^$all
                ||198.51.100.7:8080/bins/mirai.arm7^$all
                """);
        assertTrue(set.match(DomainName.of("github.com")).isEmpty());
        assertTrue(set.match(DomainName.of("drive.google.com")).isEmpty());
        assertTrue(set.match(IpAddress.of("198.51.100.7")).isPresent());
    }

    @Test
    void theBundledFeedLoadsItsHostIndicators() {
        ThreatIntel intel = new ThreatIntel();
        intel.loadBundledFeed();
        // 602 domains and 2,307 addresses listed as whole hosts (2025-10-25 edition)
        assertEquals(602 + 2307, intel.size());
        assertTrue(intel.match(DomainName.of("zidomasones.com")).isPresent());
        assertTrue(intel.match(DomainName.of("github.com")).isEmpty());
    }
}
