package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

class AdblockHostFeedTest {

    private static IndicatorSet read(String feed) {
        return Feeds.set(new AdblockHostFeed(), feed);
    }

    @Test
    void bareHostsAndIpsAreIndicatorsAndCommentsAreNot() {
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
    void subdomainsOfAListedNameMatchButItsParentDoesNot() {
        IndicatorSet set = read("zhengxinpeixun.oss-cn-qingdao.aliyuncs.com\n");
        assertEquals("zhengxinpeixun.oss-cn-qingdao.aliyuncs.com",
                set.match(DomainName.of("A.B.Zhengxinpeixun.oss-cn-qingdao.aliyuncs.com.")).orElseThrow().value());
        assertTrue(set.match(DomainName.of("oss-cn-qingdao.aliyuncs.com")).isEmpty());
        assertTrue(set.match(DomainName.of("aliyuncs.com")).isEmpty());
    }

    @Test
    void aUrlRuleOnASharedHostDoesNotCondemnTheHostButOneOnAnAddressDoes() {
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
    void aRuleThatNamesNoHostIsUnreadable() {
        FeedIndicators.Builder content = Feeds.parse(new AdblockHostFeed(), "good.example\n||bad host^\n");
        assertEquals(1, content.size());
        assertEquals(1, content.unreadable());
        assertEquals("line 2: '||bad host^' is not a host rule", content.firstProblem());
    }

    @Test
    void theBundledFeedLoadsItsHostIndicators() {
        ThreatIntel intel = ThreatIntel.bundled();
        // 602 domains and 2,307 addresses listed as whole hosts (2025-10-25 edition)
        assertEquals(602 + 2307, intel.size());
        assertTrue(intel.match(DomainName.of("zidomasones.com")).isPresent());
        assertTrue(intel.match(DomainName.of("github.com")).isEmpty());
        assertEquals(ThreatIntel.URLHAUS, intel.match(DomainName.of("zidomasones.com")).orElseThrow().feed());
    }
}
