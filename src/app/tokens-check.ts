// Finds literals that belong in src/app/tokens.css; used by tokens.test.ts.

// CSS named colours (CSS Color 4), without the keywords that are not a colour of their own.
const NAMED = `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen
darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray
darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia
gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender
lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink
lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon
mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red
rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow
springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`.split(/\s+/)
const named = NAMED.join('|')

const functional = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/g
const hex = /#[0-9a-fA-F]{3,8}\b/g

/** The colour literals in a stylesheet or a component, in order of appearance. */
export function colourLiterals(text: string, kind: 'css' | 'tsx'): string[] {
  const found: { at: number; literal: string }[] = []
  const add = (re: RegExp, source: string, offset = 0, group = 0) => {
    for (const m of source.matchAll(re)) found.push({ at: offset + m.index, literal: m[group]! })
  }
  if (kind === 'css') {
    const body = text.replace(/\/\*[\s\S]*?\*\//g, (c) => ' '.repeat(c.length))
    add(hex, body)
    add(functional, body)
    // A named colour only counts in a declaration's value.
    for (const decl of body.matchAll(/:\s*([^;{}]+)[;}]/g)) {
      add(new RegExp(`(?<![-\\w.#])(${named})(?![-\\w])`, 'gi'), decl[1]!, decl.index + decl[0].indexOf(decl[1]!), 1)
    }
  } else {
    // In components, colours hide in style objects, SVG paint attributes and any string that is a hex or rgb()/hsl() value.
    for (const style of text.matchAll(/style=\{\{([\s\S]*?)\}\}/g)) {
      add(new RegExp(`['"](${named})['"]`, 'gi'), style[1]!, style.index, 1)
    }
    for (const attr of text.matchAll(/\b(?:fill|stroke|color|stopColor|floodColor|lightingColor)=["'{]+([^"'}]+)/g)) {
      const value = attr[1]!
      if (new RegExp(`^(?:${named})$`, 'i').test(value) || hex.test(value) || functional.test(value))
        found.push({ at: attr.index, literal: value })
      hex.lastIndex = 0
      functional.lastIndex = 0
    }
    for (const m of text.matchAll(/['"`](#[0-9a-fA-F]{3,8})['"`]/g)) found.push({ at: m.index, literal: m[1]! })
    for (const m of text.matchAll(/['"`]((?:rgba?|hsla?)\([^'"`]*\))['"`]/g))
      found.push({ at: m.index, literal: m[1]!.slice(0, m[1]!.indexOf('(') + 1) })
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.literal)
}

const sizedProperties =
  /^(?:padding|margin|gap|row-gap|column-gap|font-size|border-radius|box-shadow|outline|outline-offset|border|line-height)(?:-[a-z]+)*$/

/** Declarations of spacing, type, radius, shadow, outline and border properties that write a length instead of a token. */
export function sizeLiterals(css: string): string[] {
  const body = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const found: string[] = []
  for (const m of body.matchAll(/([a-z-]+)\s*:\s*([^;{}]+)[;}]/g)) {
    const property = m[1]!
    const value = m[2]!.trim()
    if (!sizedProperties.test(property) || property.startsWith('--')) continue
    if (/(?<![-\w(])-?\d*\.?\d+(?:px|rem|em|%|pt|vh|vw|ch)\b/.test(value.replace(/var\([^)]*\)/g, ''))) found.push(`${property}: ${value}`)
  }
  return found
}

/** A tokens stylesheet without the custom-property declarations: what is left must follow the same rules. */
export const stripTokenDefinitions = (css: string): string => css.replace(/--[a-z0-9-]+\s*:[^;]*;/g, '')
