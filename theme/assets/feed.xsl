<?xml version="1.0" encoding="UTF-8"?>
<!-- A readable Vietnamese page for a person who opens an RSS 2.0 or Atom feed of the CCHC section
     in a browser. Text only (xsl:value-of): nothing from the feed is output unescaped. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <xsl:variable name="description" select="rss/channel/description | atom:feed/atom:subtitle"/>
    <xsl:variable name="self" select="(rss/channel/atom:link[@rel='self'] | atom:feed/atom:link[@rel='self'])[1]/@href"/>
    <xsl:variable name="home" select="(rss/channel/link | atom:feed/atom:link[@rel='alternate']/@href)[1]"/>
    <html lang="vi">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title>Bản tin: <xsl:value-of select="$title"/></title>
        <style>
          body { font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif; /* the site's (Material, font: false) */ line-height: 1.55;
                 max-width: 46rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
          .note { background: #fff6e5; border: 1px solid #e0b060; border-radius: .3rem; padding: .8rem 1rem; }
          .note code { display: block; margin: .4rem 0; padding: .4rem; background: #fff; border: 1px solid #ccc;
                       word-break: break-all; user-select: all; }
          h1 { font-size: 1.5rem; margin: .5rem 0; }
          h2 { font-size: 1.1rem; margin: 0 0 .2rem; }
          ol { list-style: none; padding: 0; }
          li { border-bottom: 1px solid #ddd; padding: .8rem 0; }
          .date { color: #4a4a4a; font-size: .85rem; }
          a { color: #8b0000; }
        </style>
      </head>
      <body>
        <p class="note">
          <strong>Đây là bản tin (RSS/Atom) để nhận tin mới tự động.</strong>
          Sao chép địa chỉ này vào phần mềm đọc tin (ví dụ Feedly, Inoreader, Thunderbird) để nhận tin mới
          mỗi khi cơ quan đăng bài:
          <code><xsl:value-of select="$self"/></code>
          Không cần cài đặt gì nếu chỉ muốn đọc: các tin bài mới nhất ở ngay bên dưới.
        </p>
        <h1><xsl:value-of select="$title"/></h1>
        <p><xsl:value-of select="$description"/></p>
        <p><a href="{$home}">Về trang chuyên mục ›</a></p>
        <ol>
          <xsl:apply-templates select="rss/channel/item | atom:feed/atom:entry"/>
        </ol>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <div class="date">Ngày đăng: <xsl:call-template name="rfc822-date"><xsl:with-param name="d" select="pubDate"/></xsl:call-template></div>
      <p><xsl:call-template name="unescape"><xsl:with-param name="s" select="description"/></xsl:call-template></p>
    </li>
  </xsl:template>

  <!-- RSS <description> is HTML; ours is plain text escaped once (&amp; &lt; &gt;): shown as that text,
       without disable-output-escaping (Firefox ignores it, and it would let markup through). -->
  <xsl:template name="unescape">
    <xsl:param name="s"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="s">
        <xsl:call-template name="replace">
          <xsl:with-param name="s">
            <xsl:call-template name="replace">
              <xsl:with-param name="s" select="$s"/><xsl:with-param name="from" select="'&amp;lt;'"/><xsl:with-param name="to" select="'&lt;'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&amp;gt;'"/><xsl:with-param name="to" select="'&gt;'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&amp;amp;'"/><xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="concat(substring-before($s, $from), $to)"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <div class="date">Ngày đăng: <xsl:call-template name="iso-date"><xsl:with-param name="d" select="atom:published | atom:updated[not(../atom:published)]"/></xsl:call-template></div>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>

  <!-- "2024-02-07T08:30:00+07:00" -> "07/02/2024 08:30"; a date-only post (00:00) -> "07/02/2024" -->
  <xsl:template name="iso-date">
    <xsl:param name="d"/>
    <xsl:call-template name="day-time">
      <xsl:with-param name="day" select="concat(substring($d, 9, 2), '/', substring($d, 6, 2), '/', substring($d, 1, 4))"/>
      <xsl:with-param name="time" select="substring($d, 12, 5)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="day-time">
    <xsl:param name="day"/>
    <xsl:param name="time"/>
    <xsl:value-of select="$day"/>
    <xsl:if test="$time != '00:00' and $time != ''"><xsl:value-of select="concat(' ', $time)"/></xsl:if>
  </xsl:template>

  <!-- "Wed, 07 Feb 2024 08:30:00 +0700" -> "07/02/2024 08:30" (or "07/02/2024" at 00:00) -->
  <xsl:template name="rfc822-date">
    <xsl:param name="d"/>
    <xsl:variable name="rest" select="normalize-space(substring-after($d, ','))"/>
    <xsl:variable name="mon" select="substring($rest, 4, 3)"/>
    <xsl:variable name="mm" select="substring('010203040506070809101112', string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', $mon)) div 3 * 2 + 1, 2)"/>
    <xsl:call-template name="day-time">
      <xsl:with-param name="day" select="concat(substring($rest, 1, 2), '/', $mm, '/', substring($rest, 8, 4))"/>
      <xsl:with-param name="time" select="substring($rest, 13, 5)"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
