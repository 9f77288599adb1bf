package printout

import _ "embed"

// fontTTF is the one typeface of every printout: WenQuanYi Micro Hei, a
// TrueType (glyf) font covering Latin and CJK, so a new install prints
// Chinese with nothing installed. Each PDF embeds only the glyphs it uses.
// Licence: fonts/NOTICE (Apache-2.0).
//
//go:embed fonts/wqy-microhei.ttf
var fontTTF []byte

const fontFamily = "wqy"
