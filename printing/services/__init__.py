"""PDF services: story content for print, photos for print, fonts, QR codes,
and the two renderers (news box and A4 release)."""
