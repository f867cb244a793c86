// newsloom's API documentation: Swagger UI over /api/openapi.json, served by newsloom itself
// (from the swagger-ui-py package), so it works offline and under the strict CSP.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null, // no badge from validator.swagger.io: nothing leaves this server
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "BaseLayout",
  });
});
