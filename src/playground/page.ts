/** The Playground's one HTML page: a shell the page module fills in. Everything it loads comes from this server. */
export function pageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rounds Playground</title>
<link rel="stylesheet" href="/blockkit.css">
<link rel="stylesheet" href="/page.css">
</head>
<body>
<div id="app" class="pg-loading">Loading the Rounds Playground…</div>
<script type="module" src="/web/page/main.js"></script>
</body>
</html>
`;
}
